#ifndef CNCURSES_H
#define CNCURSES_H
/* The wide-character half of curses.h (cchar_t, add_wch, WACS_*), which ncurses declares only
   when NCURSES_WIDECHAR is set before the include.
   Link ncursesw, never the narrow library: UTF-8 box drawing needs it. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
/* Globals and function-like macros Swift 6 cannot use directly. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline attr_t cnc_bold(void) { return A_BOLD; }
static inline attr_t cnc_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_dim(void) { return A_DIM; }
static inline attr_t cnc_underline(void) { return A_UNDERLINE; }
static inline void cnc_setlocale_from_env(void) { setlocale(LC_ALL, ""); }
/* COLOR_PAIRS is a global: read it through a function under Swift 6. */
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
/* The mouse masks are built by the function-like NCURSES_MOUSE_MASK(). */
static inline mmask_t cnc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnc_button1_clicked(void) { return BUTTON1_CLICKED; }

/* Whether the terminfo database has an entry for `name`, without starting curses
   (so an unknown TERM can choose plain mode up front). term.h is not included: its
   capability macros (lines, columns, bell, ...) would leak into Swift; these
   declarations match it (TERMINAL is struct term). */
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);
static inline int cnc_terminfo_knows(const char *name) {
    int status = 0;
    struct term *saved = set_curterm(0);
    int ok = setupterm(name, 1, &status) == OK && status == 1;
    struct term *probe = set_curterm(saved);
    if (probe != 0 && probe != saved) del_curterm(probe);
    return ok;
}
#endif

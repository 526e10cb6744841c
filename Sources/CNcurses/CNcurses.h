#ifndef CNCURSES_H
#define CNCURSES_H
/* The wide-character half of curses.h (cchar_t, add_wch, WACS_*); see terminal-ui.md §1.3.
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
#endif

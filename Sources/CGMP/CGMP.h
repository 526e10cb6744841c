#ifndef CGMP_H
#define CGMP_H
#include <gmp.h>
/* GMP's mpz_sgn / mpz_odd_p are macros; Swift needs real functions. */
static inline int cgmp_sgn(mpz_srcptr z) { return mpz_sgn(z); }
static inline int cgmp_odd_p(mpz_srcptr z) { return mpz_odd_p(z); }
static inline int cgmp_cmp_ui(mpz_srcptr z, unsigned long v) { return mpz_cmp_ui(z, v); }
#endif

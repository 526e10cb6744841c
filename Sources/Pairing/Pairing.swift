// Pairing: GMP integers, F_p, F_p^2, the type-1 curve and the Tate pairing.

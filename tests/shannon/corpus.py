"""Test corpus: textbook and natural-latent statements with their known verdicts.

Each entry is ``(conclusion text, [hypothesis texts], expected verdict)``;
``expected`` is "proved" (Shannon-type) or "refuted" (not Shannon-provable).
"""

MK = "markov: I(L;M|X1,X2) = 0"
HAN3 = "H(X,Y) + H(Y,Z) + H(X,Z)"
HAN4 = "H(X2,X3,X4) + H(X1,X3,X4) + H(X1,X2,X4) + H(X1,X2,X3)"
A = "I(M;X1,X2|L) <= {m}*I(X1;X2|L) + {c}*(I(M;X1|X2) + I(M;X2|X1))"
B = "H(M|L) <= {c1}*I(X1;X2|L) + {c2}*(H(M|X1) + H(M|X2))"
T3 = "I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + I(G;X2|X1) + {e}*I(L;G|X1,X2)"
T4 = "H(G|L) <= {m}*I(X1;X2|L) + {a}*H(G|X1) + H(G|X2)"

VALID = [
    ("I(X;Y) >= 0", []),
    ("H(X|Y) <= H(X)", []),
    ("H(X,Y) <= H(X) + H(Y)", []),
    ("H(X|Y,Z) <= H(X|Y)", []),
    ("H(X,Z) + H(Y,Z) >= H(X,Y,Z) + H(Z)", []),
    ("I(X;Y,Z) >= I(X;Y)", []),
    ("I(X;Z) <= I(X;Y)", ["markov: I(X;Z|Y) = 0"]),
    ("I(X;Z) <= I(Y;Z)", ["markov: I(X;Z|Y) = 0"]),
    ("I(A;D) <= I(B;C)", ["I(A;C|B) = 0", "I(A,B;D|C) = 0"]),
    ("H(X) <= H(X,Y)", []),
    ("I(X;Y|Z) <= H(X|Z)", []),
    ("I(X;Y) <= H(Y)", []),
    ("H(X,Y,Z) <= H(X) + H(Y) + H(Z)", []),
    (f"2*H(X,Y,Z) <= {HAN3}", []),
    (f"3*H(X1,X2,X3,X4) <= {HAN4}", []),
    ("I(X;Y) = H(X) - H(X|Y)", []),
    ("I(X;Y,Z) = I(X;Y) + I(X;Z|Y)", []),
    ("H(Z|X) <= H(Y|X)", ["fd: H(Z|Y) = 0"]),
    ("H(Y) <= H(X)", ["fd: H(Y|X) = 0"]),
    ("I(X;Y) <= I(X;Y|Z)", ["indep: I(X;Z) = 0"]),
    ("I(G;X1|X2) <= H(G|X2)", []),                                     # T2 (a)
    ("I(L;G|X1,X2) <= H(G|X1,X2)", []),                                # T2 (b)
    ("H(G|X1,X2) <= H(G|X1)", []),                                     # T2 (b)
    (T3.format(e=2), []),                                              # T3
    (T3.format(e=1), ["third: I(L;G|X1,X2) = 0"]),                     # T3, exact third diagram
    (T4.format(m=1, a=1), []),                                         # T4
    ("H(G|L) <= 2*TC(X1;X2;X3|L) + H(G|X2,X3) + H(G|X1,X3) + H(G|X1,X2)", []),   # T5 n=3
    ("2*H(G|L) <= TC(X1;X2;X3|L) + H(G|X1) + H(G|X2) + H(G|X3)", []),            # T6 n=3
    ("H(G|L) <= DTC(X1;X2;X3|L) + H(G|X2,X3) + H(G|X1,X3) + H(G|X1,X2)", []),    # T5 sharper
    ("H(L|M) <= I(X1;X2|M) + H(L|X1) + H(L|X2)", []),                   # T8 / T10
    ("H(G) <= I(X1;X2) + H(G|X1) + H(G|X2)", []),                      # T19
    ("I(L;X1,X2) >= I(X1;X2) - I(X1;X2|L)", []),                       # T19
    ("I(X1;X2|L) = I(X1;X2) + H(L) - I(X1;L) - I(X2;L)", ["det: H(L|X1,X2) = 0"]),  # T20
    ("H(L|X1) + H(L|X2) = 2*H(L) - I(X1;L) - I(X2;L)", []),            # T20
    ("I(X1;X2|K) = I(X1;X2) - H(K)", ["H(K|X1) = 0", "H(K|X2) = 0"]),  # T13 identity
    (A.format(m=1, c=1), [MK]),                                        # peers (a)
    (A.format(m=1, c=2), [MK]),
    (A.format(m=1, c="1.000000001"), [MK]),
    (B.format(c1=1, c2=1), [MK]),                                      # peers (b)
    (B.format(c1=1, c2=1), []),
    ("I(X;Z) <= eps", ["I(X;Y) <= eps", "I(X;Z|Y) = 0"]),
    ("DTC(X1;X2;X3) <= 2*TC(X1;X2;X3)", []),
    (f"1.99999999*H(X,Y,Z) <= {HAN3}", []),
]

INVALID = [
    ("I(X;Y|Z) <= I(X;Y)", []),
    ("I(X;Y) <= I(X;Y|Z)", []),
    ("H(X) <= H(X|Y)", []),
    ("I(X;Y) <= I(X;Z)", ["markov: I(X;Z|Y) = 0"]),
    (f"2.00000001*H(X,Y,Z) <= {HAN3}", []),                           # Han 2 + 1e-8
    (f"3.00000001*H(X1,X2,X3,X4) <= {HAN4}", []),
    ("H(X,Y) <= H(X)", []),
    ("I(X;Y) <= 0", []),
    ("H(X) = H(Y)", []),
    ("I(X;Z) = 0", ["I(X;Y) = 0", "H(Z|X,Y) = 0"]),
    ("I(X;Y|Z) <= I(X;Y)", ["indep: I(X;Z) = 0"]),
    (A.format(m=1, c="0.5"), [MK]),
    (A.format(m=1, c="0.999999999"), [MK]),
    (A.format(m="0.5", c=3), [MK]),
    (A.format(m="0.999999999", c=3), [MK]),
    (A.format(m=1, c=1), []),
    (A.format(m=1, c=3), []),
    (B.format(c1="0.5", c2=1), [MK]),
    (B.format(c1=1, c2="0.5"), [MK]),
    (B.format(c1="0.999999999", c2=1), []),
    (B.format(c1=1, c2="0.999999999"), []),
    (T3.format(e="1.999999999"), []),
    (T3.format(e=1), []),
    ("I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + 2*I(L;G|X1,X2)", []),
    (T4.format(m="0.999999999", a=1), []),
    (T4.format(m=1, a="0.999999999"), []),
    (T4.format(m=1, a=0), []),
    ("H(G) <= I(X1;X2) + H(G|X1)", []),
    ("H(G|L) <= 1.999999999*TC(X1;X2;X3|L) + H(G|X2,X3) + H(G|X1,X3) + H(G|X1,X2)", []),
    ("1.000000001*2*H(G|L) <= TC(X1;X2;X3|L) + H(G|X1) + H(G|X2) + H(G|X3)", []),
    ("I(X1;X2|L) = I(X1;X2) + H(L) - I(X1;L) - I(X2;L)", []),
    ("I(X1;X2|K) = I(X1;X2) - H(K)", ["H(K|X1) = 0"]),
    ("I(X;Z) <= 0.5*eps", ["I(X;Y) <= eps", "I(X;Z|Y) = 0"]),
    ("I(X;Z) <= eps", ["I(X;Y) <= eps"]),
    ("I(A;D) <= I(B;C)", ["I(A;C|B) = 0"]),
    ("H(L|M) <= I(X1;X2|M) + H(L|X1)", []),
    ("DTC(X1;X2;X3) <= 1.999999999*TC(X1;X2;X3)", []),
    ("H(Y) <= H(X)", ["fd: H(X|Y) = 0"]),
    ("I(X;Y) = 0", ["I(X;Y|Z) = 0"]),
    ("H(X,Y,Z) <= H(X,Y)", ["I(X;Z) = 0"]),
    ("I(L;X1,X2) >= I(X1;X2)", []),
]

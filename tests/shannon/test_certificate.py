"""Certificates from the prover: tampering is always caught; JSON round trips."""

import json
from dataclasses import replace
from fractions import Fraction

import pytest

from natlat_sym.errors import CertificateError
from natlat_sym.shannon.certificate import (Certificate, certificate_from_json, check_certificate,
                                            check_witness, witness_from_json)
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.proving import prove

STATEMENTS = [
    ("H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)", []),
    ("I(M;X1,X2|L) <= I(X1;X2|L) + I(M;X1|X2) + I(M;X2|X1)", ["markov: I(L;M|X1,X2) = 0"]),
    ("I(A;D) <= I(B;C)", ["I(A;C|B) = 0", "I(A,B;D|C) = 0"]),
    ("I(X;Z) <= eps", ["I(X;Y) <= eps", "I(X;Z|Y) = 0"]),
]


def _certificates():
    out = []
    for text, given in STATEMENTS:
        r = prove(parse_statement(text, given=given))
        assert r.verdict == "proved"
        out.append(r.certificate)
    return out


CERTS = _certificates()


def _slots(cert):
    """Every (piece, kind, index) multiplier slot with a nonzero value."""
    for k, p in enumerate(cert.pieces):
        for i, (_, w) in enumerate(p.basic):
            yield k, "basic", i
        for i, w in enumerate(p.hypotheses):
            if w:
                yield k, "hyp", i
        for name in p.parameters:
            yield k, "param", name


CASES = [(c, slot, delta) for c in CERTS for slot in _slots(c) for delta in (Fraction(1, 10**9), Fraction(-1))]


def _tamper(cert: Certificate, slot, delta) -> Certificate:
    k, kind, i = slot
    p = cert.pieces[k]
    if kind == "basic":
        basic = list(p.basic)
        b, w = basic[i]
        basic[i] = (b, w + delta)
        p = replace(p, basic=tuple(basic))
    elif kind == "hyp":
        hyps = list(p.hypotheses)
        hyps[i] += delta
        p = replace(p, hypotheses=tuple(hyps))
    else:
        params = dict(p.parameters)
        params[i] += delta
        p = replace(p, parameters=params)
    pieces = list(cert.pieces)
    pieces[k] = p
    return replace(cert, pieces=tuple(pieces))


def test_there_are_many_tampering_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("cert,slot,delta", CASES)
def test_tampered_multiplier_is_rejected(cert, slot, delta):
    check_certificate(cert)
    with pytest.raises(CertificateError):
        check_certificate(_tamper(cert, slot, delta))


@pytest.mark.parametrize("cert", CERTS)
def test_json_round_trip(cert):
    text = json.dumps(cert.to_json())
    again = certificate_from_json(json.loads(text))
    check_certificate(again)
    assert again.to_json() == cert.to_json()


def test_witness_json_round_trip():
    s = parse_statement("I(X;Y|Z) <= I(X;Y)")
    r = prove(s)
    w = witness_from_json(json.loads(json.dumps(r.witness.to_json())))
    check_witness(w, (), s.conclusion.normal_form(), ">=")
    assert w.entropies == r.witness.entropies


def test_witness_tampering_is_rejected():
    s = parse_statement("I(X;Y|Z) <= I(X;Y)")
    w = prove(s).witness
    ent = dict(w.entropies)
    full = frozenset({"X", "Y", "Z"})
    ent[full] = ent[full] + 100      # breaks H(X|Y,Z)... or the violation
    with pytest.raises(CertificateError):
        check_witness(replace(w, entropies=ent), (), s.conclusion.normal_form(), ">=")

"""Copy-lemma steps in a Coq proof: bit layout of the copies, the
``copy_lemma`` applications, and how the proof cites the equalities they grant.

A copy of bit ``i`` goes to bit ``i + shift`` with ``shift`` past every
existing variable, so the extended ground set of each step is a bitmask
again; the proof applies the axiom ``copy_lemma`` of :file:`Entropic.v` once
per step and restates the goal on the last extension.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import CertificateError
from .statements import CoqNames, identifier, unfold_list

__all__ = ["CopyStep", "CopyCitations", "copy_layout", "copy_steps_proof"]


# ----------------------------------------------------------------------------- copies
@dataclass(frozen=True)
class CopyStep:
    """One copy step laid out on bitmasks: the copy of bit ``i`` goes to
    bit ``i + shift``; ``ground`` is the set of existing variables ``V``
    (originals and earlier copies), ``ground < 2**shift``."""

    spec: object
    ground: int
    copied: int
    over: int
    shift: int

    @property
    def extended(self) -> int:
        """``V`` with this step's copies."""
        return self.ground | (self.copied << self.shift)


def copy_layout(names: CoqNames, cert, copies) -> tuple[CoqNames, list[CopyStep]]:
    """Bit positions of the copied variables, step by step, and the names
    extended with them.  The original variables keep bits ``0..n-1``."""
    originals = set(cert.statement_variables())
    if set(names.variables) != originals:
        extra = sorted(set(names.variables) ^ originals)
        raise CertificateError(f"cannot export this copy-lemma certificate: its variables and the "
                               f"statement's differ ({', '.join(extra)})")
    variables = dict(names.variables)
    taken = set(names.taken)
    steps = []
    ground = sum(1 << bit for _, bit in variables.values())
    for k, spec in enumerate(copies, start=1):
        for x in spec.copied + spec.over:
            if x not in variables:
                raise CertificateError(f"copy step {k} refers to {x}, which does not exist at that step")
        if len(spec.names) != len(spec.copied):
            raise CertificateError(f"copy step {k} names {len(spec.names)} copies of {len(spec.copied)} variables")
        shift = ground.bit_length()
        copied = sum(1 << variables[x][1] for x in spec.copied)
        over = sum(1 << variables[x][1] for x in spec.over)
        for x, c in zip(spec.copied, spec.names):
            if c in variables:
                raise CertificateError(f"copy step {k}: the copy name {c} is already a variable")
            variables[c] = (identifier(c, taken, "v"), variables[x][1] + shift)
        steps.append(CopyStep(spec, ground, copied, over, shift))
        ground = steps[-1].extended
    return CoqNames(variables, names.parameters, names.hypotheses, frozenset(taken)), steps


def copy_steps_proof(names: CoqNames, steps, fn: str, ent: str, used: set[str], hyps) -> list[str]:
    """Apply ``copy_lemma`` once per step (``h`` → ``g1`` → ... → ``fn``),
    chain the agreements back to ``h``, and restate the goal (and the
    hypotheses) on the last function ``fn``."""
    K = len(steps)
    funcs = ["h"] + [names.fresh(f"g{k}", used) if k < K else fn for k in range(1, K + 1)]
    ents = [ent] + [names.fresh(f"ent{k}", used) for k in range(1, K + 1)]
    agree = [""] + [names.fresh(f"agree{k}", used) for k in range(1, K + 1)]
    same = [""] + [names.fresh(f"same{k}", used) for k in range(1, K + 1)]
    indep = [""] + [names.fresh(f"indep{k}", used) for k in range(1, K + 1)]
    trans = [names.fresh(f"t{k}", used) for k in range(K + 1)]
    out = []
    for k, s in enumerate(steps, start=1):
        spec = s.spec
        out.append(f"  (* copy step {k}: {','.join(spec.names)}, a copy of {','.join(spec.copied)} over "
                   f"{','.join(spec.over) or 'nothing'} (bits shifted by {s.shift}) *)")
        out.append(f"  destruct (copy_lemma {funcs[k - 1]} {s.ground}%N {s.copied}%N {s.over}%N {s.shift}%N "
                   f"{ents[k - 1]} eq_refl eq_refl eq_refl eq_refl) as "
                   f"[{funcs[k]} [{ents[k]} [{agree[k]} [{same[k]} {indep[k]}]]]].")
    out.append(f"  pose proof (entropic_polymatroid {fn} {ents[K]}) as poly.")
    out.append(f"  (* {fn} agrees with each earlier function on that function's variables *)")
    out.append(f"  pose proof (agrees_on_refl {steps[-1].extended}%N {fn}) as {trans[K]}.")
    for k in range(K, 0, -1):
        s = steps[k - 1]
        out.append(f"  pose proof (agrees_on_trans {s.ground}%N {s.extended}%N {funcs[k - 1]} {funcs[k]} {fn} "
                   f"eq_refl {trans[k]} {agree[k]}) as {trans[k - 1]}.")
    out.append(f"  (* the statement about h, read on {fn} (equal on the original variables) *)")
    if hyps:
        out.append("  revert " + " ".join(hyps) + ".")
    out.append(f"  cbv [{unfold_list(names)}]. to_extension {trans[0]} h." + (
        " intros " + " ".join(hyps) + "." if hyps else ""))
    return out, CopyCitations(tuple(steps), tuple(funcs), tuple(same), tuple(indep), tuple(trans))


@dataclass(frozen=True)
class CopyCitations:
    """What a proof calls the pieces of its copy steps (index = step; 0 is ``h``)."""

    steps: tuple
    funcs: tuple
    same: tuple
    indep: tuple
    trans: tuple

    def fact(self, fact, names: CoqNames, fn: str, k: int) -> tuple[str, str, str]:
        """``(equality proof, left side, right side)`` of a copy fact, on ``fn``."""
        if not isinstance(fact.step, int) or not 1 <= fact.step <= len(self.steps):
            raise CertificateError(f"piece {k}: a copy fact cites step {fact.step}; the certificate has "
                                   f"{len(self.steps)} copy step(s)")
        j = fact.step
        s = self.steps[j - 1]
        if fact.kind == "same":
            S, T = names.mask(fact.copied), names.mask(fact.given)
            proof = (f"(transport_eq _ _ _ _ _ ({self.same[j]} {S}%N {T}%N eq_refl eq_refl) {self.trans[j]} "
                     "eq_refl eq_refl)")
            return proof, f"{fn} {(S << s.shift) | T}%N", f"{fn} {S | T}%N"
        if fact.kind == "independent":
            proof = f"(transport_Ic _ _ _ _ _ _ {self.indep[j]} {self.trans[j]} eq_refl eq_refl eq_refl eq_refl)"
            return proof, f"Ic {fn} {s.copied << s.shift}%N {s.ground}%N {s.over}%N", "0"
        raise CertificateError(f"piece {k}: unknown copy fact kind {fact.kind!r}")



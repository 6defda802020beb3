"""The natural-latent theorem catalog: one module per definition, theorem,
graphical rule, negative result and open problem of the specification.

Every module defines one ``THEOREM`` whose ``id`` equals the file stem.
``natlat check``, the test-suite (``tests/catalog/test_proofs.py``) and the
docs discover modules here automatically; see ``proofs/TEMPLATE.md`` for the
20-line template and ``mutual_info_le_of_markov_chain.py`` for a worked
example that follows it.

Template::

    \"\"\"<Human title>.

    <Informal statement in a few sentences, markdown + $math$.>
    \"\"\"
    from natlat_sym.catalog import Theorem, prove_that, tight_constants

    THEOREM = Theorem(
        id="<conclusion>_of_<hypotheses>",      # == this file's stem
        title="<Human title>",
        spec_id="T99", kind="theorem",           # definition | theorem | rule | negative | open | example
        reference="<sources, e.g. S9 Theorem 1>",
        obligations=(
            prove_that("<conclusion>", given=["<name>: <hypothesis>"]),
            tight_constants("<conclusion with free coefficients a, b>", a=1, b=2),
        ),
        uses=("<ids of definitions used to state it>",),
    )
"""

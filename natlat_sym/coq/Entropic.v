(** * Entropic.v — entropic functions and the copy lemma (natlat_sym)

    Written for natlat_sym (not generated).  Loaded after [Polymatroid.v]
    by exported files whose proofs use the copy lemma, i.e. proofs of
    non-Shannon-type inequalities (Zhang–Yeung, Dougherty–Freiling–Zeger).
    Files of Shannon-type proofs do not load it: their theorems hold for
    every polymatroid and rest on no axiom of this file.

    ** What is assumed, and why
    [entropic h] means: there are finitely many jointly distributed
    discrete random variables [X_i], [i] in a finite set [F] of bit
    positions, with [h S = H(X_{S ∩ F})] for every set [S] (the joint
    Shannon entropy; [H(∅) = 0]).  Coq's standard library has no
    probability theory, so [entropic] is a [Parameter] and the two facts
    about it that the exported proofs use are stated once, in general, as
    named axioms — both are textbook theorems:

    - [entropic_polymatroid]: joint entropies form a polymatroid (Shannon's
      inequalities);
    - [copy_lemma]: Zhang–Yeung (1998), in the general form of Dougherty,
      Freiling and Zeger (2011).  For variables [V], disjoint [A, B ⊆ V],
      there are copies [A'] of [A], jointly distributed with [V], with
      [(A', B)] distributed as [(A, B)] and [A'] independent of [V] given
      [B] (take [p(v, a') = p(v) p(a' | b)]).  The copy of variable [i]
      is placed at bit [i + k], for any [k] with [V < 2^k] (so no copy
      lands in [V]); [N.shiftl S k] is the set of copies of [S ⊆ A].
      The new function [g] is entropic, agrees with [h] on the subsets of
      [V], gives [g (S' ∪ T) = g (S ∪ T)] for [S ⊆ A], [T ⊆ B], and
      [I(A'; V | B) = 0].

    [Print Assumptions] on an exported theorem lists exactly these (and
    the axioms of Coq's real numbers). *)

Parameter entropic : (set -> R) -> Prop.

Axiom entropic_polymatroid : forall h : set -> R, entropic h -> polymatroid h.

(** [g] and [h] take the same values on every subset of [V]. *)
Definition agrees_on (V : set) (g h : set -> R) : Prop := forall S : set, subset S V -> g S = h S.

Axiom copy_lemma : forall (h : set -> R) (V A B : set) (k : N),
  entropic h -> subset A V -> subset B V -> A ∩ B = ∅ -> (V < 2 ^ k)%N ->
  exists g : set -> R, entropic g /\ agrees_on V g h /\
    (forall S T : set, subset S A -> subset T B -> g (N.shiftl S k ∪ T) = g (S ∪ T)) /\
    Ic g (N.shiftl A k) V B = 0.

(** ** Moving facts from one function of a chain of copies to the last *)

Lemma subset_trans (A B C : set) : subset A B -> subset B C -> subset A C.
Proof. unfold subset; intros ab bc. rewrite <- ab, <- N.land_assoc, bc. reflexivity. Qed.

Lemma agrees_on_refl (V : set) (g : set -> R) : agrees_on V g g.
Proof. intros S _. reflexivity. Qed.

Lemma agrees_on_trans (V W : set) (g1 g2 g3 : set -> R) :
  subset V W -> agrees_on W g3 g2 -> agrees_on V g2 g1 -> agrees_on V g3 g1.
Proof.
  intros vw a32 a21 S sv. rewrite (a32 S (subset_trans _ _ _ sv vw)). exact (a21 S sv).
Qed.

Lemma transport_eq (V : set) (g h : set -> R) (A B : set) :
  h A = h B -> agrees_on V g h -> subset A V -> subset B V -> g A = g B.
Proof. intros e a sA sB. rewrite (a A sA), (a B sB). exact e. Qed.

Lemma transport_Ic (W : set) (g h : set -> R) (A V B : set) :
  Ic h A V B = 0 -> agrees_on W g h ->
  subset (A ∪ B) W -> subset (V ∪ B) W -> subset (A ∪ V ∪ B) W -> subset B W -> Ic g A V B = 0.
Proof. unfold Ic; intros e a s1 s2 s3 s4. rewrite (a _ s1), (a _ s2), (a _ s3), (a _ s4). exact e. Qed.

(** Replace every [h m] in the goal by [g m], given [t : agrees_on V g h]
    (each [m] checked to be a subset of [V] by computation). *)
Ltac to_extension t h :=
  repeat match goal with
         | |- context [h ?m] => rewrite <- (t m eq_refl)
         end.

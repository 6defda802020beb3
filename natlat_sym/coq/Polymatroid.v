(** * Polymatroid.v — natlat_sym's Coq theory of entropy set functions

    Written for natlat_sym (not generated).  Every file that
    [natlat export-coq] writes starts by loading this theory.

    ** Representation
    A set of random variables is a bitmask: a binary natural number [N]
    whose bit [i] says whether variable number [i] is in the set.  Union
    and intersection are [N.lor] and [N.land], which the kernel computes
    on binary numerals in time linear in the number of bits: an exported
    proof cites [Ic_nonneg h poly X1 X2 L] and [cbv] turns every union of
    literal bitmasks ([1 ∪ 4]) into one literal ([5]), so that each joint
    entropy is a single atom [h 5] for [lra].  [nat] would be unary
    (2^n-sized terms); mathcomp finsets would need an extra library and a
    heavier kernel computation; [list bool] would need its own union and
    equality lemmas.

    An entropy function is [h : N -> R], defined on every finite set of
    the countably many variables [0, 1, 2, ...].  The joint entropies of
    any finite family of random variables, extended by
    [h S := H(X_{S ∩ family})], form such a function; so a theorem proved
    here for every polymatroid [h] holds in particular for entropies.

    ** Axioms (polymatroid = normalised, monotone, submodular)
    and the information measures read like the paper:
    [H h A] = H(A), [Hc h A B] = H(A|B), [I h A B] = I(A;B),
    [Ic h A B C] = I(A;B|C).  The basic Shannon inequalities
    [H(A|B) >= 0] and [I(A;B|C) >= 0] — hence the elemental ones — are
    proved once below from the axioms, not assumed per instance. *)

From Coq Require Import Reals Lra Lia NArith QArith Qreals List.

Open Scope R_scope.

(** A set of random variables, as a bitmask. *)
Definition set := N.

(** Union and intersection of sets. *)
Infix "∪" := N.lor (at level 40, left associativity).
Infix "∩" := N.land (at level 40, left associativity).
Notation "∅" := 0%N.

(** [A ⊆ B] *)
Definition subset (A B : set) : Prop := N.land A B = A.

(** The polymatroid axioms. *)
Record polymatroid (h : set -> R) : Prop := {
  normalized : h 0%N = 0;
  monotone : forall A B : set, subset A B -> h A <= h B;
  submodular : forall A B : set, h (A ∪ B) + h (A ∩ B) <= h A + h B
}.

(** Information measures, as in the paper. *)
Definition H (h : set -> R) (A : set) : R := h A.
Definition Hc (h : set -> R) (A B : set) : R := h (A ∪ B) - h B.
Definition I (h : set -> R) (A B : set) : R := h A + h B - h (A ∪ B).
Definition Ic (h : set -> R) (A B C : set) : R := h (A ∪ C) + h (B ∪ C) - h (A ∪ B ∪ C) - h C.

(** ** Facts about bitmasks *)

Lemma subset_union_r (A B : set) : subset B (A ∪ B).
Proof.
  unfold subset; apply N.bits_inj; intro i.
  rewrite N.land_spec, N.lor_spec.
  destruct (N.testbit A i), (N.testbit B i); reflexivity.
Qed.

Lemma union_of_unions (A B C : set) : (A ∪ C) ∪ (B ∪ C) = A ∪ B ∪ C.
Proof.
  apply N.bits_inj; intro i.
  rewrite !N.lor_spec.
  destruct (N.testbit A i), (N.testbit B i), (N.testbit C i); reflexivity.
Qed.

Lemma subset_inter_of_unions (A B C : set) : subset C ((A ∪ C) ∩ (B ∪ C)).
Proof.
  unfold subset; apply N.bits_inj; intro i.
  rewrite !N.land_spec, !N.lor_spec.
  destruct (N.testbit A i), (N.testbit B i), (N.testbit C i); reflexivity.
Qed.

(** ** The basic Shannon inequalities, proved from the axioms *)

Section Basic.
Variable h : set -> R.
Hypothesis poly : polymatroid h.

(** H(A|B) >= 0 *)
Lemma Hc_nonneg (A B : set) : 0 <= Hc h A B.
Proof.
  unfold Hc.
  pose proof (monotone h poly B (A ∪ B) (subset_union_r A B)); lra.
Qed.

(** I(A;B|C) >= 0 *)
Lemma Ic_nonneg (A B C : set) : 0 <= Ic h A B C.
Proof.
  unfold Ic.
  pose proof (submodular h poly (A ∪ C) (B ∪ C)) as s.
  rewrite union_of_unions in s.
  pose proof (monotone h poly C _ (subset_inter_of_unions A B C)).
  lra.
Qed.

(** H(A) >= 0 and I(A;B) >= 0 *)
Lemma H_nonneg (A : set) : 0 <= H h A.
Proof.
  unfold H. pose proof (Hc_nonneg A 0%N) as e. unfold Hc in e.
  rewrite N.lor_0_r, (normalized h poly) in e; lra.
Qed.

Lemma I_nonneg (A B : set) : 0 <= I h A B.
Proof.
  unfold I. pose proof (Ic_nonneg A B 0%N) as e. unfold Ic in e.
  rewrite !N.lor_0_r, (normalized h poly) in e; lra.
Qed.

(** The forms certificates cite: the unions are given as literal
    bitmasks, checked by computation ([eq_refl]). *)
Lemma basic_H (A B AB : set) : A ∪ B = AB -> 0 <= h AB - h B.
Proof. intros <-. exact (Hc_nonneg A B). Qed.

Lemma basic_I (A B C AC BC ABC : set) :
  A ∪ C = AC -> B ∪ C = BC -> A ∪ B ∪ C = ABC -> 0 <= h AC + h BC - h ABC - h C.
Proof. intros <- <- <-. exact (Ic_nonneg A B C). Qed.

(** The elemental inequalities (Yeung): H(i | N∖i) >= 0 and
    I(i;j|K) >= 0 for single variables i ≠ j and K ⊆ N∖{i,j}.
    They are the special cases of [basic_H] and [basic_I]. *)
Definition elemental_H := basic_H.
Definition elemental_I := basic_I.

End Basic.

(** ** Concluding from a certificate

    A certificate piece says, after clearing denominators by a positive
    integer [d]: [d * (rhs - lhs) = c + s] is an identity of linear forms
    (checked by [lra] with the context cleared), [c] is a combination with nonnegative integer
    coefficients of cited basic inequalities, hypotheses and parameters
    (checked term by term), and [s] is a nonnegative constant. *)

Lemma le_of_certificate (lhs rhs d c s : R) :
  d * (rhs - lhs) = c + s -> 0 <= c -> 0 <= s -> 0 < d -> lhs <= rhs.
Proof.
  intros e c0 s0 d0. apply Rminus_le. apply (Rmult_le_reg_l d); [exact d0|].
  assert (d * (lhs - rhs) = - (c + s)) as e' by (rewrite <- e; ring).
  rewrite e'. lra.
Qed.

Lemma ge_of_certificate (lhs rhs d c s : R) :
  d * (lhs - rhs) = c + s -> 0 <= c -> 0 <= s -> 0 < d -> lhs >= rhs.
Proof. intros. apply Rle_ge. apply (le_of_certificate rhs lhs d c s); assumption. Qed.

Lemma eq_of_certificates (lhs rhs d1 c1 s1 d2 c2 s2 : R) :
  d1 * (lhs - rhs) = c1 + s1 -> 0 <= c1 -> 0 <= s1 -> 0 < d1 ->
  d2 * (rhs - lhs) = c2 + s2 -> 0 <= c2 -> 0 <= s2 -> 0 < d2 -> lhs = rhs.
Proof.
  intros. apply Rle_antisym.
  - apply (le_of_certificate lhs rhs d2 c2 s2); assumption.
  - apply (le_of_certificate rhs lhs d1 c1 s1); assumption.
Qed.

(** Forget every fact of the context (cited inequalities, hypotheses,
    the polymatroid axioms): an identity of linear forms must hold on its
    own, so [lra] cannot use the facts to prove it. *)
Ltac clear_facts :=
  repeat match goal with
         | [ H : ?T |- _ ] => match type of T with Prop => clear H end
         end.

(** A hypothesis as a nonnegative quantity. *)
Lemma nonneg_of_le (a b : R) : a <= b -> 0 <= b - a.
Proof. intros; lra. Qed.
Lemma nonneg_of_ge (a b : R) : a >= b -> 0 <= a - b.
Proof. intros; lra. Qed.
Lemma nonneg_of_eq (a b : R) : a = b -> 0 <= a - b.
Proof. intros; lra. Qed.
Lemma nonneg_of_eq_rev (a b : R) : a = b -> 0 <= b - a.
Proof. intros; lra. Qed.

Lemma const_nonneg (p : positive) : 0 <= IZR (Zpos p).
Proof. apply IZR_le; discriminate. Qed.
Lemma const_pos (p : positive) : 0 < IZR (Zpos p).
Proof. apply IZR_lt; reflexivity. Qed.
Lemma fraction_nonneg (p q : positive) : 0 <= IZR (Zpos p) / IZR (Zpos q).
Proof. apply Rle_mult_inv_pos; [apply const_nonneg | apply IZR_lt; reflexivity]. Qed.

(** [0 <= k1 * t1 + k2 * t2 + ...] from facts [0 <= t_i] in the context,
    with rational constants [k_i > 0]. *)
Ltac nonneg_combination :=
  match goal with
  | |- 0 <= ?a + ?b =>
      first [ assumption
            | apply Rplus_le_le_0_compat; [nonneg_combination | nonneg_combination] ]
  | |- _ =>
      first [ assumption
            | apply Rle_refl
            | apply Rmult_le_pos;
              [ first [apply const_nonneg | apply fraction_nonneg | lra] | assumption ] ]
  end.

(** ** Finite polymatroids, checked by computation

    A rational vector [t] (entry [k] = value of the set with bitmask [k],
    [2^n] entries) is extended to all sets by [S ↦ t (S ∩ {0..n-1})].
    [check_polymatroid] tests the three axioms on every pair of subsets of
    the ground set, exactly over [Q]; [polymatroid_of_check] turns a
    [true] computed by the kernel into the polymatroid property. *)

Definition value (t : list Q) (S : N) : Q := nth (N.to_nat S) t 0%Q.
Definition ground (n : nat) : N := N.ones (N.of_nat n).
Definition finite_function (n : nat) (t : list Q) (S : set) : R := Q2R (value t (S ∩ ground n)).
Definition all_subsets (n : nat) : list N := map N.of_nat (seq 0 (2 ^ n)).

Definition check_polymatroid (n : nat) (t : list Q) : bool :=
  Qeq_bool (value t 0%N) 0 &&
  forallb (fun A => forallb (fun B =>
      (negb (N.eqb (A ∩ B) A) || Qle_bool (value t A) (value t B)) &&
      Qle_bool (value t (A ∪ B) + value t (A ∩ B)) (value t A + value t B))%Q
    (all_subsets n)) (all_subsets n).

Lemma in_all_subsets (n : nat) (S : N) : In (S ∩ ground n) (all_subsets n).
Proof.
  unfold all_subsets, ground.
  rewrite N.land_ones.
  apply in_map_iff. exists (N.to_nat (S mod 2 ^ N.of_nat n)). split.
  - apply N2Nat.id.
  - apply in_seq. split; [apply Nat.le_0_l|].
    simpl. rewrite <- (Nat2N.id (2 ^ n)), Nat2N.inj_pow.
    apply Nat.compare_lt_iff. rewrite <- N2Nat.inj_compare. apply N.compare_lt_iff.
    apply N.mod_lt, N.pow_nonzero. discriminate.
Qed.

Lemma masked_union (A B M : N) : (A ∪ B) ∩ M = (A ∩ M) ∪ (B ∩ M).
Proof.
  apply N.bits_inj; intro i. rewrite !N.land_spec, !N.lor_spec, !N.land_spec.
  destruct (N.testbit A i), (N.testbit B i), (N.testbit M i); reflexivity.
Qed.

Lemma masked_inter (A B M : N) : (A ∩ B) ∩ M = (A ∩ M) ∩ (B ∩ M).
Proof.
  apply N.bits_inj; intro i. rewrite !N.land_spec.
  destruct (N.testbit A i), (N.testbit B i), (N.testbit M i); reflexivity.
Qed.

Lemma masked_subset (A B M : N) : subset A B -> subset (A ∩ M) (B ∩ M).
Proof.
  unfold subset; intro e. apply N.bits_inj; intro i.
  apply (f_equal (fun x => N.testbit x i)) in e. rewrite N.land_spec in e.
  rewrite !N.land_spec.
  destruct (N.testbit A i), (N.testbit B i), (N.testbit M i); simpl in *; congruence.
Qed.

Lemma polymatroid_of_check (n : nat) (t : list Q) :
  check_polymatroid n t = true -> polymatroid (finite_function n t).
Proof.
  unfold check_polymatroid, finite_function.
  intro c. apply andb_true_iff in c as [c0 c].
  rewrite forallb_forall in c.
  assert (pair : forall A B, In A (all_subsets n) -> In B (all_subsets n) ->
      ((negb (N.eqb (A ∩ B) A) || Qle_bool (value t A) (value t B)) &&
       Qle_bool (value t (A ∪ B) + value t (A ∩ B)) (value t A + value t B))%Q = true).
  { intros A B iA iB. specialize (c A iA). rewrite forallb_forall in c. exact (c B iB). }
  split.
  - rewrite N.land_0_l. apply Qeq_bool_iff in c0. rewrite (Qeq_eqR _ _ c0). apply RMicromega.Q2R_0.
  - intros A B sAB. pose proof (masked_subset A B (ground n) sAB) as s.
    specialize (pair _ _ (in_all_subsets n A) (in_all_subsets n B)).
    apply andb_true_iff in pair as [m _]. unfold subset in s.
    rewrite s, N.eqb_refl in m. simpl in m.
    apply Qle_Rle, Qle_bool_iff, m.
  - intros A B. specialize (pair _ _ (in_all_subsets n A) (in_all_subsets n B)).
    apply andb_true_iff in pair as [_ sm].
    rewrite masked_union, masked_inter.
    rewrite <- !Q2R_plus. apply Qle_Rle, Qle_bool_iff, sm.
Qed.

(** The value of a finite function at one set, by computation. *)
Lemma finite_function_value (n : nat) (t : list Q) (S : set) (p : Z) (q : positive) :
  Qeq_bool (value t (S ∩ ground n)) (p # q) = true -> finite_function n t S = IZR p / IZR (Zpos q).
Proof.
  intro e. apply Qeq_bool_iff in e. unfold finite_function.
  rewrite (Qeq_eqR _ _ e). unfold Q2R. simpl. reflexivity.
Qed.

(** ** Large certificates, checked by computation

    A certificate with thousands of rows is checked without a tactic
    walking thousands of hypotheses: its basic inequalities are *data*,
    a list of [row]s (kind, three bitmasks, a positive integer multiplier),
    and

    - [rows_nonneg]: for a polymatroid [h], [rows_value h rs >= 0] for
      every list [rs] — proved once, by induction, from [Hc_nonneg] and
      [Ic_nonneg];
    - [rows_value_collect]: [rows_value h rs] equals the linear form
      [collect_rows rs] (a list of (bitmask, integer coefficient), equal
      sets merged, zero coefficients dropped) — proved once; the form is
      computed by the kernel with [vm_compute] and compared with the one
      the certificate claims, so what is left for [lra] is a small identity
      (the statement's few joint entropies). *)

Record row : Type := mkrow { row_is_I : bool; row_a : N; row_b : N; row_c : N; row_k : positive }.

(** [rI a b c k] is [k * I(a;b|c) >= 0], [rH a b k] is [k * H(a|b) >= 0]. *)
Definition rI (a b c : N) (k : positive) : row := mkrow true a b c k.
Definition rH (a b : N) (k : positive) : row := mkrow false a b 0%N k.

Definition row_value (h : set -> R) (r : row) : R :=
  IZR (Zpos (row_k r)) * (if row_is_I r then Ic h (row_a r) (row_b r) (row_c r) else Hc h (row_a r) (row_b r)).

Fixpoint rows_value (h : set -> R) (rs : list row) : R :=
  match rs with nil => 0 | r :: rs' => row_value h r + rows_value h rs' end.

Lemma rows_nonneg (h : set -> R) : polymatroid h -> forall rs : list row, 0 <= rows_value h rs.
Proof.
  intros poly rs. induction rs as [|r rs IH]; simpl; [apply Rle_refl|].
  apply Rplus_le_le_0_compat; [|exact IH].
  unfold row_value. apply Rmult_le_pos; [apply const_nonneg|].
  destruct (row_is_I r); [apply (Ic_nonneg h poly) | apply (Hc_nonneg h poly)].
Qed.

Definition form := list (N * Z).

Fixpoint form_value (h : set -> R) (f : form) : R :=
  match f with nil => 0 | (m, z) :: f' => IZR z * h m + form_value h f' end.

Definition row_terms (r : row) : form :=
  let k := Zpos (row_k r) in
  if row_is_I r then
    (row_a r ∪ row_c r, k) :: (row_b r ∪ row_c r, k) :: (row_a r ∪ row_b r ∪ row_c r, Z.opp k)
      :: (row_c r, Z.opp k) :: nil
  else (row_a r ∪ row_b r, k) :: (row_b r, Z.opp k) :: nil.

(** The terms are summed in a binary trie keyed by [N.succ_pos m] (the
    set [m] plus one, a [positive]), so each term costs a walk of about
    [log2 m] nodes, whatever the number of distinct sets. *)
Inductive tree : Type := Lf | Nd (l : tree) (z : Z) (r : tree).

Fixpoint tree_add (k : positive) (z : Z) (t : tree) {struct k} : tree :=
  match t with
  | Lf => match k with
          | xH => Nd Lf z Lf
          | xO k' => Nd (tree_add k' z Lf) 0%Z Lf
          | xI k' => Nd Lf 0%Z (tree_add k' z Lf)
          end
  | Nd l z' r => match k with
          | xH => Nd l (z' + z)%Z r
          | xO k' => Nd (tree_add k' z l) z' r
          | xI k' => Nd l z' (tree_add k' z r)
          end
  end.

(** The value of a trie: the node at key [k] holds the coefficient of [g k]. *)
Fixpoint tree_value (g : positive -> R) (t : tree) : R :=
  match t with
  | Lf => 0
  | Nd l z r => IZR z * g xH + tree_value (fun k => g (xO k)) l + tree_value (fun k => g (xI k)) r
  end.

Fixpoint add_terms (acc : tree) (f : form) : tree :=
  match f with nil => acc | (m, z) :: f' => add_terms (tree_add (N.succ_pos m) z acc) f' end.

Fixpoint collect (acc : tree) (rs : list row) : tree :=
  match rs with nil => acc | r :: rs' => collect (add_terms acc (row_terms r)) rs' end.

(** The trie as a list, node before its left then right subtree. *)
Fixpoint tree_form (t : tree) (f : positive -> positive) : form :=
  match t with
  | Lf => nil
  | Nd l z r => (Pos.pred_N (f xH), z) :: (tree_form l (fun k => f (xO k)) ++ tree_form r (fun k => f (xI k)))%list
  end.

Definition nonzero (f : form) : form := filter (fun t => negb (Z.eqb (snd t) 0)) f.

(** The certificate's rows summed as a linear form: (set, coefficient)
    pairs, zero coefficients dropped. *)
Definition collect_rows (rs : list row) : form := nonzero (tree_form (collect Lf rs) (fun k => k)).

Lemma tree_add_value (k : positive) : forall (z : Z) (t : tree) (g : positive -> R),
  tree_value g (tree_add k z t) = IZR z * g k + tree_value g t.
Proof.
  induction k as [k IH|k IH|]; intros z t g; destruct t as [|l z' r]; simpl;
    rewrite ?IH, ?plus_IZR; simpl; ring.
Qed.

Lemma add_terms_value (h : set -> R) (f : form) : forall acc : tree,
  tree_value (fun p => h (Pos.pred_N p)) (add_terms acc f) =
  tree_value (fun p => h (Pos.pred_N p)) acc + form_value h f.
Proof.
  induction f as [|[m z] f IH]; intro acc; simpl; [ring|].
  rewrite IH, tree_add_value, N.pos_pred_succ. ring.
Qed.

Lemma row_terms_value (h : set -> R) (r : row) : form_value h (row_terms r) = row_value h r.
Proof.
  unfold row_terms, row_value, Ic, Hc. destruct (row_is_I r); cbn [form_value]; rewrite ?opp_IZR; ring.
Qed.

Lemma collect_value (h : set -> R) (rs : list row) : forall acc : tree,
  tree_value (fun p => h (Pos.pred_N p)) (collect acc rs) =
  tree_value (fun p => h (Pos.pred_N p)) acc + rows_value h rs.
Proof.
  induction rs as [|r rs IH]; intro acc; simpl; [ring|].
  rewrite IH, add_terms_value, row_terms_value. ring.
Qed.

Lemma form_value_app (h : set -> R) (f1 f2 : form) :
  form_value h (f1 ++ f2)%list = form_value h f1 + form_value h f2.
Proof. induction f1 as [|[m z] f1 IH]; simpl; [ring|]. rewrite IH. ring. Qed.

Lemma tree_form_value (h : set -> R) (t : tree) : forall f : positive -> positive,
  form_value h (tree_form t f) = tree_value (fun p => h (Pos.pred_N (f p))) t.
Proof.
  induction t as [|l IHl z r IHr]; intro f; simpl; [reflexivity|].
  rewrite form_value_app, IHl, IHr. ring.
Qed.

Lemma nonzero_value (h : set -> R) (f : form) : form_value h (nonzero f) = form_value h f.
Proof.
  unfold nonzero. induction f as [|[m z] f IH]; simpl; [reflexivity|].
  destruct (Z.eqb_spec z 0) as [->|_]; simpl; rewrite IH; [ring | reflexivity].
Qed.

(** The reflective step: a computed [collect_rows rs = F] (by
    [vm_compute]) turns the sum of the rows into the small form [F]. *)
Lemma rows_value_collect (h : set -> R) (rs : list row) (F : form) :
  collect_rows rs = F -> rows_value h rs = form_value h F.
Proof.
  intros <-. unfold collect_rows. rewrite nonzero_value, tree_form_value, collect_value. simpl. ring.
Qed.

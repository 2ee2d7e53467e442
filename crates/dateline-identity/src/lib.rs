//! Actor identity, in one place: how a name is normalised ([`fold`]), the key a person's name is
//! matched by ([`actor_key`]: titles, initials and diacritics dropped) and the rule that says two
//! keys are one person ([`same_person`]). The extractor uses them to resolve the mentions of one
//! article ("Secretary Blinken", "Blinken"); the store uses the same ones to decide which actor
//! rows of a workspace are one person. Both depend on this crate, neither on the other.
//!
//! Knowledge is data: the titles a name may start with (`data/titles.tsv`, also the extractor's
//! title automaton) and the family names written first (`data/family_name_first.txt`). Pure: no
//! I/O, no clock.

pub mod names;
pub mod text;
pub mod titles;

pub use names::{ActorKey, actor_key, fold, same_person};
pub use titles::{RoleClass, titles};

//! content rules.

use crate::findings::{Context, Findings};

pub fn check(_ctx: &Context, _out: &mut Findings) {}

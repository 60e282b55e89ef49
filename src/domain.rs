//! Host names: registrable domains (Public Suffix List) and whose host a name is.

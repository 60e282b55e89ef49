//! Fixture builders shared by the test files (each test file is its own crate).

use codeguard::MessageInput;

/// A page message with the four fields claim detection reads most.
pub fn msg(name: &str, address: &str, subject: &str, body: &str) -> MessageInput {
    MessageInput {
        sender_name: name.into(),
        sender_address: address.into(),
        subject: subject.into(),
        body_text: body.into(),
        ..MessageInput::default()
    }
}

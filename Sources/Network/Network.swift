/// The lab's parties as real network endpoints (issue 14): a KMS, phones and a caller that
/// exchange MIKEY messages over UDP (port 2269 by default, RFC 3830 §7 leaves the transport
/// open), and the SIP/SDP carriage of the same messages (RFC 4567). Networking goes
/// through SwiftNIO; this module owns it, as Primitives owns OpenSSL.
public enum Network {}

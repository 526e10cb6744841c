import Primitives

/// What a datagram on the wire carries, set where the message is made; it decides the
/// datagram's UDP ports in a capture, so that only MIKEY goes to the MIKEY port.
public enum DatagramKind: String, Sendable, CaseIterable {
    /// A MIKEY message (RFC 3830, RFC 6267).
    case mikey
    /// An RTP packet (RFC 3550), here protected with SRTP (RFC 3711).
    case rtp
    /// One of the lab's own records that are not MIKEY: a mailbox deposit or pickup,
    /// a group frame (PROFILE D12, D14), the plain-IBE contrast.
    case labRecord
}

/// A classic libpcap capture file (`.pcap`) of an exchange, each message carried as one
/// UDP datagram in a raw IPv4 packet (LINKTYPE_RAW), so Wireshark and tshark open it
/// and dissect the messages. The ports say what a datagram is (``DatagramKind``): MIKEY
/// on 2269, RTP on 5004, the lab's own records on 52269 (PROFILE D20).
public struct PacketCapture: Sendable {
    /// MIKEY's port, IANA "mikey" (UDP 2269), both ways.
    public static let mikeyPort: UInt16 = 2269
    /// The receiver's RTP port: 5004, IANA "avt-profile-1", the default RTP port of
    /// RFC 3551 §8; even, as RFC 3550 §11 asks (RTCP would take the odd port above).
    /// tshark decodes it with `-d udp.port==5004,rtp`.
    public static let rtpPort: UInt16 = 5004
    /// The sender's RTP port: its own, even as well, so a stream's direction reads from its ports.
    public static let rtpSourcePort: UInt16 = 5006
    /// The lab's own records that are not MIKEY (``DatagramKind/labRecord``), both ways:
    /// 52269, in the dynamic range 49152-65535 (RFC 6335 §6), which IANA never assigns
    /// and on which Wireshark registers no dissector, so they show as plain data.
    public static let labRecordPort: UInt16 = 52269
    private static let linkTypeRaw: UInt32 = 101

    /// The source and destination UDP ports of a datagram of `kind`.
    public static func ports(_ kind: DatagramKind) -> (source: UInt16, destination: UInt16) {
        switch kind {
        case .mikey: (mikeyPort, mikeyPort)
        case .rtp: (rtpSourcePort, rtpPort)
        case .labRecord: (labRecordPort, labRecordPort)
        }
    }

    /// One captured datagram.
    public struct Datagram: Sendable {
        /// IPv4 addresses, 4 octets each.
        public let source: [UInt8]
        public let destination: [UInt8]
        public let payload: [UInt8]
        /// What the payload is, which decides the UDP ports unless they were given.
        public let kind: DatagramKind
        /// The UDP source and destination ports: those of ``kind``, or the ones given
        /// (SIP's 5060 in `sip.pcap`, PROFILE D23).
        public let ports: (source: UInt16, destination: UInt16)
        /// Capture time: Unix seconds and microseconds.
        public let seconds: UInt32
        public let microseconds: UInt32

        public init(source: [UInt8], destination: [UInt8], payload: [UInt8], kind: DatagramKind = .mikey,
                    seconds: UInt32, microseconds: UInt32) {
            self.source = source
            self.destination = destination
            self.payload = payload
            self.kind = kind
            self.ports = PacketCapture.ports(kind)
            self.seconds = seconds
            self.microseconds = microseconds
        }

        /// A datagram between explicit UDP ports (SIP on 5060, PROFILE D23), sent at an
        /// NTP-UTC 64-bit time. Its ``kind`` is `.labRecord`: the payload is not a bare MIKEY
        /// message, and the ports are the ones given, not the kind's.
        public init(source: [UInt8], destination: [UInt8], payload: [UInt8], ports: (source: UInt16, destination: UInt16),
                    ntpTime: UInt64) {
            let time = Self(source: source, destination: destination, payload: payload, kind: .labRecord, ntpTime: ntpTime)
            self.source = source
            self.destination = destination
            self.payload = payload
            self.kind = .labRecord
            self.ports = ports
            self.seconds = time.seconds
            self.microseconds = time.microseconds
        }

        /// A datagram sent at an NTP-UTC 64-bit time (a MIKEY T value).
        public init(source: [UInt8], destination: [UInt8], payload: [UInt8], kind: DatagramKind = .mikey, ntpTime: UInt64) {
            let unixSeconds = (ntpTime >> 32) &- Timestamp.ntpEpochOffset
            self.init(source: source, destination: destination, payload: payload, kind: kind,
                      seconds: UInt32(truncatingIfNeeded: unixSeconds),
                      microseconds: UInt32(truncatingIfNeeded: ((ntpTime & 0xffff_ffff) * 1_000_000) >> 32))
        }
    }

    public private(set) var datagrams: [Datagram] = []

    public init() {}

    public mutating func append(_ datagram: Datagram) {
        datagrams.append(datagram)
    }

    /// The whole file: global header, then one record per datagram (little-endian
    /// headers, as the magic number 0xa1b2c3d4 declares).
    public var bytes: [UInt8] {
        var file = [UInt8]()
        file += littleEndian(UInt32(0xa1b2_c3d4))
        file += littleEndian(UInt16(2)) + littleEndian(UInt16(4))   // format version 2.4
        file += littleEndian(UInt32(0)) + littleEndian(UInt32(0))   // GMT offset, accuracy
        file += littleEndian(UInt32(65_535))                        // snapshot length
        file += littleEndian(Self.linkTypeRaw)
        for (index, datagram) in datagrams.enumerated() {
            let packet = Self.ipv4Packet(datagram, identification: UInt16(truncatingIfNeeded: index + 1))
            file += littleEndian(datagram.seconds) + littleEndian(datagram.microseconds)
            file += littleEndian(UInt32(packet.count)) + littleEndian(UInt32(packet.count))
            file += packet
        }
        return file
    }

    /// IPv4 header (RFC 791) + UDP header (RFC 768) + payload, with both checksums.
    static func ipv4Packet(_ datagram: Datagram, identification: UInt16) -> [UInt8] {
        let udpLength = UInt16(8 + datagram.payload.count)
        let ports = datagram.ports
        var udp = ports.source.bigEndianOctets + ports.destination.bigEndianOctets + udpLength.bigEndianOctets + [0, 0]
        udp += datagram.payload
        let pseudoHeader = datagram.source + datagram.destination + [0, 17] + udpLength.bigEndianOctets
        var udpChecksum = internetChecksum(pseudoHeader + udp)
        if udpChecksum == 0 { udpChecksum = 0xffff }   // RFC 768: zero means "no checksum"
        udp.replaceSubrange(6..<8, with: udpChecksum.bigEndianOctets)

        var header: [UInt8] = [0x45, 0x00] + UInt16(20 + udp.count).bigEndianOctets + identification.bigEndianOctets
        header += [0x40, 0x00, 64, 17, 0, 0]     // don't fragment, TTL 64, UDP, checksum placeholder
        header += datagram.source + datagram.destination
        header.replaceSubrange(10..<12, with: internetChecksum(header).bigEndianOctets)
        return header + udp
    }

    /// The ones'-complement sum of 16-bit words (RFC 1071).
    static func internetChecksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let high = UInt32(bytes[index]) << 8
            let low = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            sum += high | low
            index += 2
        }
        while sum > 0xffff { sum = (sum & 0xffff) + (sum >> 16) }
        return ~UInt16(sum)
    }
}

private func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}

-- mikey-ibake.lua: a Wireshark dissector for MIKEY (RFC 3830) with the payloads and data
-- types of RFC 6043 (MIKEY-TICKET identities with roles) and RFC 6267 (MIKEY-IBAKE), as the
-- MIKEY-IBAKE Lab writes them (`mikey-ibake export`, capture.pcap).
--
-- Usage:
--   tshark -X lua_script:Assets/wireshark/mikey-ibake.lua -r capture.pcap -V
--   Wireshark GUI: copy this file to ~/.local/lib/wireshark/plugins/ and restart.
--
-- It registers the protocol "mikeyibake" on UDP 2269, in place of Wireshark's own MIKEY
-- dissector on that port, so RFC 6267 payloads (IBAKE, ESK) and data types (19-25) are
-- read field by field instead of being marked malformed. Every field is filterable, for
-- example mikeyibake.hdr.data_type == 22, mikeyibake.idr.id_data, mikeyibake.ibake.encr_data.
--
-- Encrypted data (IBAKE, ESK, KEMAC under a cipher) is shown as octets: its sub-payloads
-- (ID, IDR, ECCPT, SK, Key data) are dissected only where they travel in the clear, that is
-- in a KEMAC with the NULL encryption algorithm.
--
-- A second protocol, "mikeyibake_lab", reads the lab's own records on UDP 52269: the group
-- frames of PROFILE D14 ("BD" header and entries) field by field; mailbox deposits and
-- pickups and the plain-IBE key (PROFILE D12) have no framing and show as opaque octets.

local MIKEY_PORT = 2269
-- The lab's own records that are not MIKEY (PacketCapture.labRecordPort, PROFILE D20).
local LAB_RECORD_PORT = 52269

local p = Proto("mikeyibake", "MIKEY-IBAKE (RFC 3830, RFC 6043, RFC 6267)")

-- Registries (IANA MIKEY registries, as the lab's Sources/MIKEY/Registries name them) -----------

local data_types = {
    [0] = "Pre-shared", [1] = "PSK ver msg", [2] = "Public key", [3] = "PK ver msg",
    [4] = "D-H init", [5] = "D-H resp", [6] = "Error", [7] = "DHHMAC init", [8] = "DHHMAC resp",
    [9] = "RSA-R I_MSG", [10] = "RSA-R R_MSG", [11] = "REQUEST_INIT_PSK", [12] = "REQUEST_INIT_PK",
    [13] = "REQUEST_RESP", [14] = "TRANSFER_INIT", [15] = "TRANSFER_RESP", [16] = "RESOLVE_INIT_PSK",
    [17] = "RESOLVE_INIT_PK", [18] = "RESOLVE_RESP", [19] = "REQUEST_KEY_PSK", [20] = "REQUEST_KEY_PKE",
    [21] = "REQUEST_KEY_RESP", [22] = "I_MESSAGE_1", [23] = "R_MESSAGE_1", [24] = "I_MESSAGE_2",
    [25] = "R_MESSAGE_2", [26] = "SAKKE msg",
}

local payload_types = {
    [0] = "Last payload", [1] = "KEMAC", [2] = "PKE", [3] = "DH", [4] = "SIGN", [5] = "T", [6] = "ID",
    [7] = "CERT", [8] = "CHASH", [9] = "V", [10] = "SP", [11] = "RAND", [12] = "ERR", [13] = "TR",
    [14] = "IDR", [15] = "RANDR", [16] = "TP", [17] = "TICKET", [20] = "Key data", [21] = "General Ext.",
    [22] = "IBAKE", [23] = "ESK", [24] = "SK", [25] = "ECCPT", [26] = "SAKKE",
}

local payload_titles = {
    [1] = "Key data transport", [2] = "Envelope data", [3] = "Diffie-Hellman data", [4] = "Signature",
    [5] = "Timestamp", [6] = "Identity", [7] = "Certificate", [8] = "Certificate hash",
    [9] = "Verification (MAC)", [10] = "Security policy", [11] = "Random value", [12] = "Error",
    [13] = "Timestamp with role", [14] = "Identity with role", [15] = "Random value with role",
    [16] = "Ticket policy", [17] = "Ticket", [20] = "Key data", [21] = "General extension",
    [22] = "IBE-encrypted identities and DH values", [23] = "Encrypted secret key", [24] = "Secret key",
    [25] = "Elliptic-curve Diffie-Hellman value", [26] = "SAKKE encapsulated data",
}

local prf_funcs = { [0] = "MIKEY-1", [1] = "PRF-HMAC-SHA-256" }
local cs_map_types = { [0] = "SRTP-ID", [1] = "Empty map", [2] = "GENERIC-ID" }
local prot_types = { [0] = "SRTP", [1] = "TESLA" }
local encr_algs = { [0] = "NULL", [1] = "AES-CM-128", [2] = "AES-KW-128", [3] = "AES-CM-256" }
local mac_algs = { [0] = "NULL", [1] = "HMAC-SHA-1-160", [2] = "HMAC-SHA-256-256" }
local mac_lengths = { [0] = 0, [1] = 20, [2] = 32 }
local dh_groups = { [0] = "OAKLEY 5", [1] = "OAKLEY 1", [2] = "OAKLEY 2" }
local dh_lengths = { [0] = 192, [1] = 96, [2] = 128 }
local sign_types = { [0] = "RSA/PKCS#1/1.5", [1] = "RSA/PSS", [2] = "ECCSI" }
local ts_types = { [0] = "NTP-UTC", [1] = "NTP", [2] = "COUNTER", [3] = "NTP-UTC-32" }
local ts_lengths = { [0] = 8, [1] = 8, [2] = 4, [3] = 4 }
local ts_roles = { [1] = "Time of issue (TSi)", [2] = "Start of validity (TSs)", [3] = "End of validity (TSe)",
                   [4] = "Rekeying interval (TSr)" }
local id_types = { [0] = "NAI", [1] = "URI", [2] = "Byte string" }
local id_roles = { [1] = "Initiator (IDRi)", [2] = "Responder (IDRr)", [3] = "KMS (IDRkms)",
                   [4] = "Pre-Shared Key (IDRpsk)", [5] = "Application (IDRapp)",
                   [6] = "Initiator's KMS (IDRkmsi)", [7] = "Responder's KMS (IDRkmsr)" }
local rand_roles = { [1] = "Initiator (RANDRi)", [2] = "Responder (RANDRr)", [3] = "KMS (RANDRkms)" }
local cert_types = { [0] = "X.509v3", [1] = "X.509v3 URL", [2] = "X.509v3 Sign", [3] = "X.509v3 Encr" }
local hash_funcs = { [0] = "SHA-1", [1] = "MD5", [2] = "SHA-256" }
local hash_lengths = { [0] = 20, [1] = 16, [2] = 32 }
local key_data_types = { [0] = "TGK", [1] = "TGK+SALT", [2] = "TEK", [3] = "TEK+SALT", [4] = "GTGK",
                         [5] = "GTGK+SALT", [6] = "MPK", [7] = "Private key (RFC 6267)" }
local salted_key_types = { [1] = true, [3] = true, [5] = true }
local sk_types = { [1] = "Secret key" }
local kv_types = { [0] = "NULL", [1] = "SPI/MKI", [2] = "Interval" }
local ecc_curves = { [1] = "P-192", [2] = "B-163", [3] = "K-163", [4] = "sect163r1", [5] = "P-224",
                     [6] = "B-233", [7] = "K-233", [8] = "P-256", [9] = "B-283", [10] = "K-283",
                     [11] = "P-384", [12] = "B-409", [13] = "K-409", [14] = "P-521", [15] = "B-571",
                     [16] = "K-571", [240] = "Lab toy group (private use)" }
-- Coordinate lengths of the curves the lab speaks (PROFILE D4, D5); 240 is the lab's toy group.
local ecc_coordinate_lengths = { [8] = 32, [11] = 48, [14] = 66, [240] = 4 }
local error_numbers = {
    [0] = "Auth failure", [1] = "Invalid TS", [2] = "Invalid PRF", [3] = "Invalid MAC", [4] = "Invalid EA",
    [5] = "Invalid HA", [6] = "Invalid DH", [7] = "Invalid ID", [8] = "Invalid Cert", [9] = "Invalid SP",
    [10] = "Invalid SPpar", [11] = "Invalid DT", [12] = "Unspecified error", [13] = "Unsupported message type",
    [14] = "Invalid TICKET", [15] = "Invalid TPpar",
}
local srtp_param_types = {
    [0] = "Encryption algorithm", [1] = "Session Encr. key length", [2] = "Authentication algorithm",
    [3] = "Session Auth. key length", [4] = "Session Salt key length", [5] = "SRTP Pseudo Random Function",
    [6] = "Key derivation rate", [7] = "SRTP encryption off/on", [8] = "SRTCP encryption off/on",
    [9] = "sender's FEC order", [10] = "SRTP authentication off/on", [11] = "Authentication tag length",
    [12] = "SRTP prefix length", [13] = "ROC transmission rate", [14] = "SRTP Auth. algorithm",
    [15] = "SRTCP Auth. algorithm", [16] = "SRTP Session Auth. key len", [17] = "SRTCP Session Auth. key len",
    [18] = "SRTP Authentication tag len", [19] = "SRTCP Authentication tag len",
    [20] = "AEAD authentication tag length",
}
local sakke_params = { [1] = "RFC 6509 parameter set 1" }
local sakke_id_schemes = { [1] = "tel URI with monthly keys" }
local ext_types = { [0] = "Vendor ID", [1] = "SDP IDs", [2] = "TEK Generation", [3] = "Key ID", [4] = "Ticket",
                    [5] = "MIKEY-TICKET", [6] = "Key ID (RFC 6509)" }

-- Fields -------------------------------------------------------------------------------------

local f = {}
local function uint8(abbr, name, vs, mask) f[abbr] = ProtoField.uint8("mikeyibake." .. abbr, name, base.DEC, vs, mask) end
local function uint16(abbr, name, vs, mask) f[abbr] = ProtoField.uint16("mikeyibake." .. abbr, name, base.DEC, vs, mask) end
local function uint32(abbr, name, b) f[abbr] = ProtoField.uint32("mikeyibake." .. abbr, name, b or base.DEC) end
local function bytes(abbr, name) f[abbr] = ProtoField.bytes("mikeyibake." .. abbr, name) end
local function text(abbr, name) f[abbr] = ProtoField.string("mikeyibake." .. abbr, name) end

-- Common header (RFC 3830 §6.1) and its crypto session maps (§6.1.1, RFC 6043 §6.1.1).
uint8("hdr.version", "Version")
uint8("hdr.data_type", "Data type", data_types)
uint8("hdr.next_payload", "Next payload", payload_types)
uint8("hdr.v", "V (response expected)", nil, 0x80)
uint8("hdr.prf", "PRF func", prf_funcs, 0x7f)
uint32("hdr.csb_id", "CSB ID", base.HEX)
uint8("hdr.cs_count", "#CS")
uint8("hdr.cs_id_map_type", "CS ID map type", cs_map_types)
uint8("hdr.srtp.policy_no", "Policy no")
uint32("hdr.srtp.ssrc", "SSRC", base.HEX)
uint32("hdr.srtp.roc", "ROC")
uint8("hdr.generic.cs_id", "CS ID")
uint8("hdr.generic.prot_type", "Prot type", prot_types)
uint8("hdr.generic.s", "S", nil, 0x80)
uint8("hdr.generic.p_count", "#P", nil, 0x7f)
uint8("hdr.generic.policy_no", "Policy no")
uint16("hdr.generic.session_data_len", "Session data length")
bytes("hdr.generic.session_data", "Session data")
uint8("hdr.generic.spi_len", "SPI length")
bytes("hdr.generic.spi", "SPI")

-- The next-payload field every payload and sub-payload starts with.
uint8("next_payload", "Next payload", payload_types)

-- KEMAC (RFC 3830 §6.2)
uint8("kemac.encr_alg", "Encr alg", encr_algs)
uint16("kemac.encr_data_len", "Encr data len")
bytes("kemac.encr_data", "Encr data")
uint8("kemac.mac_alg", "MAC alg", mac_algs)
bytes("kemac.mac", "MAC")
-- PKE (§6.3)
uint16("pke.c", "C (envelope key cache)", { [0] = "No cache", [1] = "Cache", [2] = "Cache for CSB" }, 0xc000)
uint16("pke.data_len", "Data len", nil, 0x3fff)
bytes("pke.data", "Data")
-- DH (§6.4)
uint8("dh.group", "DH-Group", dh_groups)
bytes("dh.value", "DH-value")
uint8("dh.reserved", "Reserved", nil, 0xf0)
uint8("dh.kv_type", "KV", kv_types, 0x0f)
-- SIGN (§6.5, RFC 6509 §4.1)
uint16("sign.s_type", "S type", sign_types, 0xf000)
uint16("sign.len", "Signature len", nil, 0x0fff)
bytes("sign.signature", "Signature")
-- T (§6.6)
uint8("t.ts_type", "TS type", ts_types)
bytes("t.ts_value", "TS value")
f["t.ntp"] = ProtoField.absolute_time("mikeyibake.t.ntp", "TS value (NTP time)", base.UTC)
-- ID, CERT (§6.7)
uint8("id.id_type", "ID type", id_types)
uint16("id.id_len", "ID len")
text("id.id_data", "ID data")
uint8("cert.cert_type", "Cert type", cert_types)
uint16("cert.cert_len", "Cert len")
bytes("cert.data", "Certificate")
-- CHASH (§6.8)
uint8("chash.hash_func", "Hash func", hash_funcs)
bytes("chash.hash", "Hash")
-- V (§6.9)
uint8("v.auth_alg", "Auth alg", mac_algs)
bytes("v.mac", "MAC")
-- SP (§6.10)
uint8("sp.policy_no", "Policy no")
uint8("sp.prot_type", "Prot type", prot_types)
uint16("sp.param_len", "Policy param length")
uint8("sp.param.type", "Type", srtp_param_types)
uint8("sp.param.len", "Length")
bytes("sp.param.value", "Value")
-- RAND (§6.11)
uint8("rand.len", "RAND len")
bytes("rand.value", "RAND")
-- ERR (§6.12)
uint8("err.error_no", "Error no", error_numbers)
uint16("err.reserved", "Reserved")
-- TR, IDR, RANDR (RFC 6043 §6.4, §6.6, §6.8)
uint8("tr.ts_role", "TS role", ts_roles)
uint8("tr.ts_type", "TS type", ts_types)
bytes("tr.ts_value", "TS value")
f["tr.ntp"] = ProtoField.absolute_time("mikeyibake.tr.ntp", "TS value (NTP time)", base.UTC)
uint8("idr.id_role", "ID role", id_roles)
uint8("idr.id_type", "ID type", id_types)
uint16("idr.id_len", "ID len")
text("idr.id_data", "ID data")
uint8("randr.rand_role", "RAND role", rand_roles)
uint8("randr.len", "RAND len")
bytes("randr.value", "RAND")
-- General extension (§6.15)
uint8("ext.type", "Type", ext_types)
uint16("ext.len", "Length")
bytes("ext.data", "Data")
-- IBAKE and ESK (RFC 6267 §6.1.1, §6.1.2)
uint16("ibake.encr_data_len", "Encr data len")
bytes("ibake.encr_data", "Encr data")
uint16("esk.encr_data_len", "Encr data len")
bytes("esk.encr_data", "Encr data")
-- SAKKE (RFC 6509 §4.2)
uint8("sakke.params", "SAKKE params", sakke_params)
uint8("sakke.id_scheme", "ID scheme", sakke_id_schemes)
uint16("sakke.data_len", "SAKKE data length")
bytes("sakke.data", "SAKKE data")
-- Key data sub-payload (RFC 3830 §6.13; type 7, private key, RFC 6267 §4.2.1)
uint8("keydata.type", "Type", key_data_types, 0xf0)
uint8("keydata.kv_type", "KV", kv_types, 0x0f)
uint16("keydata.key_len", "Key data len")
bytes("keydata.key", "Key data")
uint16("keydata.salt_len", "Salt len")
bytes("keydata.salt", "Salt data")
-- SK sub-payload (RFC 6267 §6.1.5)
uint8("sk.type", "Type", sk_types, 0xf0)
uint8("sk.kv_type", "KV", kv_types, 0x0f)
uint16("sk.key_len", "Key len")
bytes("sk.key", "Key")
-- ECCPT sub-payload (RFC 6267 §6.1.4)
uint8("eccpt.curve", "ECC curve", ecc_curves)
bytes("eccpt.point", "ECC point")
bytes("eccpt.padding", "Padding")
uint8("eccpt.auth_alg", "Auth alg", mac_algs)
uint16("eccpt.tgk_len", "TGK len")
uint8("eccpt.reserved", "Reserved", nil, 0xf0)
uint8("eccpt.kv_type", "KV", kv_types, 0x0f)
-- Key validity data (RFC 3830 §6.14)
uint8("kv.spi_len", "SPI length")
bytes("kv.spi", "SPI")
uint8("kv.vf_len", "VF length")
bytes("kv.vf", "Valid from")
uint8("kv.vt_len", "VT length")
bytes("kv.vt", "Valid to")

local field_list = {}
for _, field in pairs(f) do field_list[#field_list + 1] = field end
p.fields = field_list

local ef_truncated = ProtoExpert.new("mikeyibake.truncated", "Truncated MIKEY field", expert.group.MALFORMED,
                                     expert.severity.ERROR)
local ef_unknown = ProtoExpert.new("mikeyibake.unknown_payload", "Payload type without a known layout",
                                   expert.group.UNDECODED, expert.severity.WARN)
local ef_trailing = ProtoExpert.new("mikeyibake.trailing", "Octets after the last payload", expert.group.MALFORMED,
                                    expert.severity.WARN)
p.experts = { ef_truncated, ef_unknown, ef_trailing }

-- Reading --------------------------------------------------------------------------------------

-- A cursor over a TvbRange that stops at the end instead of raising a Lua error.
local Reader = {}
Reader.__index = Reader

local function reader(tvb, offset, limit)
    return setmetatable({ tvb = tvb, pos = offset, limit = limit, ok = true }, Reader)
end

function Reader:remaining() return self.limit - self.pos end

-- The range of the next n octets, or nil (with an expert error on `tree`) if fewer remain.
function Reader:take(tree, n, what)
    if not self.ok then return nil end
    if n < 0 or self.pos + n > self.limit then
        tree:add_proto_expert_info(ef_truncated, string.format("%s needs %d octets at offset %d, %d remain",
                                   what, n, self.pos, self:remaining()))
        self.ok = false
        return nil
    end
    local range = (n == 0) and self.tvb(self.pos, 0) or self.tvb(self.pos, n)
    self.pos = self.pos + n
    return range
end

-- Adds a field of `n` octets; returns its range (nil when truncated).
function Reader:add(tree, field, n, what)
    local range = self:take(tree, n, what)
    if range then
        if n == 0 then tree:add(field, range):append_text(" (empty)") else tree:add(field, range) end
    end
    return range
end

function Reader:u8(tree, field, what)
    local range = self:add(tree, field, 1, what)
    return range and range:uint()
end

function Reader:u16(tree, field, what)
    local range = self:add(tree, field, 2, what)
    return range and range:uint()
end

-- Two fields packed into `n` octets (a high and a low part, by mask): returns the octets' value.
function Reader:packed(tree, n, high, low, what)
    local range = self:take(tree, n, what)
    if not range then return nil end
    tree:add(high, range)
    tree:add(low, range)
    return range:uint()
end

function Reader:packed8(tree, high, low, what) return self:packed(tree, 1, high, low, what) end
function Reader:packed16(tree, high, low, what) return self:packed(tree, 2, high, low, what) end

local function name_of(table_, value) return table_[value] or ("Unknown (" .. tostring(value) .. ")") end

local function ntp_time(range)
    local seconds = range(0, 4):uint() - 2208988800
    local fraction = range(4, 4):uint()
    return NSTime.new(seconds, math.floor(fraction * 1e9 / 4294967296))
end

-- Key validity data after a KV type (RFC 3830 §6.14).
local function key_validity(r, tree, kv)
    if kv == 1 then
        local n = r:u8(tree, f["kv.spi_len"], "SPI length")
        if n then r:add(tree, f["kv.spi"], n, "SPI") end
    elseif kv == 2 then
        local n = r:u8(tree, f["kv.vf_len"], "VF length")
        if n then r:add(tree, f["kv.vf"], n, "Valid from") end
        n = r:u8(tree, f["kv.vt_len"], "VT length")
        if n then r:add(tree, f["kv.vt"], n, "Valid to") end
    end
end

local function timestamp(r, tree, type_field, value_field, ntp_field)
    local ts_type = r:u8(tree, type_field, "TS type")
    if ts_type == nil then return end
    local length = ts_lengths[ts_type]
    if length == nil then
        tree:add_proto_expert_info(ef_unknown, "TS type " .. ts_type .. " has no known length")
        r.ok = false
        return
    end
    local range = r:add(tree, value_field, length, "TS value")
    if range and (ts_type == 0 or ts_type == 1) then
        tree:add(ntp_field, range, ntp_time(range))
    end
    return range
end

-- Payload bodies: each reads after the next-payload octet and returns a summary -----------------

local bodies = {}
local dissect_chain -- forward

bodies[1] = function(r, tree, context) -- KEMAC
    local alg = r:u8(tree, f["kemac.encr_alg"], "Encr alg")
    local len = r:u16(tree, f["kemac.encr_data_len"], "Encr data len")
    if len == nil then return end
    local data = r:add(tree, f["kemac.encr_data"], len, "Encr data")
    if data and alg == 0 and len > 0 then
        -- NULL encryption: the sub-payloads travel in the clear (REQUEST_KEY_RESP: ID || Key data).
        local sub = tree:add(p, data, "Sub-payloads (in the clear: NULL encryption)")
        local first = context.data_type == 21 and 6 or 20
        dissect_chain(r.tvb, sub, data:offset(), data:offset() + len, first, context, true)
    end
    local mac_alg = r:u8(tree, f["kemac.mac_alg"], "MAC alg")
    if mac_alg == nil then return end
    r:add(tree, f["kemac.mac"], mac_lengths[mac_alg] or 0, "MAC")
    return string.format("%s, %d octets of encrypted data, MAC %s", name_of(encr_algs, alg), len,
                         name_of(mac_algs, mac_alg))
end

bodies[2] = function(r, tree) -- PKE
    local packed = r:packed16(tree, f["pke.c"], f["pke.data_len"], "C and Data len")
    if not packed then return end
    local len = bit.band(packed, 0x3fff)
    r:add(tree, f["pke.data"], len, "Data")
    return string.format("%d octets of envelope data", len)
end

bodies[3] = function(r, tree) -- DH
    local group = r:u8(tree, f["dh.group"], "DH-Group")
    if group == nil then return end
    r:add(tree, f["dh.value"], dh_lengths[group] or r:remaining(), "DH-value")
    local kv = r:packed8(tree, f["dh.reserved"], f["dh.kv_type"], "Reserved and KV")
    if kv then key_validity(r, tree, bit.band(kv, 0x0f)) end
    return name_of(dh_groups, group)
end

-- SIGN has no Next payload field: it is always the last payload (RFC 3830 §6.5).
bodies[4] = function(r, tree) -- SIGN
    local packed = r:packed16(tree, f["sign.s_type"], f["sign.len"], "S type and Signature len")
    if not packed then return end
    local s_type = bit.rshift(packed, 12)
    local len = bit.band(packed, 0x0fff)
    r:add(tree, f["sign.signature"], len, "Signature")
    return string.format("%s, %d octets", name_of(sign_types, s_type), len)
end

bodies[5] = function(r, tree) -- T
    timestamp(r, tree, f["t.ts_type"], f["t.ts_value"], f["t.ntp"])
end

bodies[6] = function(r, tree) -- ID
    local id_type = r:u8(tree, f["id.id_type"], "ID type")
    local len = r:u16(tree, f["id.id_len"], "ID len")
    if len == nil then return end
    local data = r:add(tree, f["id.id_data"], len, "ID data")
    return data and string.format("%s \"%s\"", name_of(id_types, id_type), data:string())
end

bodies[7] = function(r, tree) -- CERT
    r:u8(tree, f["cert.cert_type"], "Cert type")
    local len = r:u16(tree, f["cert.cert_len"], "Cert len")
    if len then r:add(tree, f["cert.data"], len, "Certificate") end
end

bodies[8] = function(r, tree) -- CHASH
    local func = r:u8(tree, f["chash.hash_func"], "Hash func")
    if func then r:add(tree, f["chash.hash"], hash_lengths[func] or r:remaining(), "Hash") end
end

bodies[9] = function(r, tree) -- V
    local alg = r:u8(tree, f["v.auth_alg"], "Auth alg")
    if alg == nil then return end
    r:add(tree, f["v.mac"], mac_lengths[alg] or r:remaining(), "MAC")
    return name_of(mac_algs, alg)
end

bodies[10] = function(r, tree) -- SP
    local policy = r:u8(tree, f["sp.policy_no"], "Policy no")
    local prot = r:u8(tree, f["sp.prot_type"], "Prot type")
    local len = r:u16(tree, f["sp.param_len"], "Policy param length")
    if len == nil then return end
    local params = r:take(tree, len, "Policy param")
    if not params then return end
    local inner = reader(r.tvb, params:offset(), params:offset() + len)
    local count = 0
    while inner.ok and inner:remaining() > 0 do
        local start = inner.pos
        local item = tree:add(p, r.tvb(start, math.min(2, inner:remaining())), "Policy param")
        local ptype = inner:u8(item, f["sp.param.type"], "Type")
        local plen = inner:u8(item, f["sp.param.len"], "Length")
        if plen == nil then break end
        local value = inner:add(item, f["sp.param.value"], plen, "Value")
        if value == nil then break end
        item:set_len(inner.pos - start)
        local shown = (plen > 0 and plen <= 4) and tostring(value:uint()) or tostring(value:bytes())
        item:set_text(string.format("Policy param: %s = %s", name_of(srtp_param_types, ptype), shown))
        count = count + 1
    end
    if not inner.ok then r.ok = false end
    return string.format("policy %d, %s, %d parameters", policy, name_of(prot_types, prot), count)
end

bodies[11] = function(r, tree) -- RAND
    local len = r:u8(tree, f["rand.len"], "RAND len")
    if len == nil then return end
    local value = r:add(tree, f["rand.value"], len, "RAND")
    return value and string.format("%d octets: %s", len, value:bytes():tohex(true))
end

bodies[12] = function(r, tree) -- ERR
    local number = r:u8(tree, f["err.error_no"], "Error no")
    r:u16(tree, f["err.reserved"], "Reserved")
    return number and name_of(error_numbers, number)
end

bodies[13] = function(r, tree) -- TR
    local role = r:u8(tree, f["tr.ts_role"], "TS role")
    timestamp(r, tree, f["tr.ts_type"], f["tr.ts_value"], f["tr.ntp"])
    return role and name_of(ts_roles, role)
end

bodies[14] = function(r, tree) -- IDR
    local role = r:u8(tree, f["idr.id_role"], "ID role")
    local id_type = r:u8(tree, f["idr.id_type"], "ID type")
    local len = r:u16(tree, f["idr.id_len"], "ID len")
    if len == nil then return end
    local data = r:add(tree, f["idr.id_data"], len, "ID data")
    return data and string.format("%s, %s \"%s\"", name_of(id_roles, role), name_of(id_types, id_type), data:string())
end

bodies[15] = function(r, tree) -- RANDR
    local role = r:u8(tree, f["randr.rand_role"], "RAND role")
    local len = r:u8(tree, f["randr.len"], "RAND len")
    if len == nil then return end
    r:add(tree, f["randr.value"], len, "RAND")
    return string.format("%s, %d octets", name_of(rand_roles, role), len)
end

bodies[21] = function(r, tree) -- General extension
    local ext_type = r:u8(tree, f["ext.type"], "Type")
    local len = r:u16(tree, f["ext.len"], "Length")
    if len then r:add(tree, f["ext.data"], len, "Data") end
    return ext_type and name_of(ext_types, ext_type)
end

local function encrypted_data(prefix, what)
    return function(r, tree)
        local len = r:u16(tree, f[prefix .. ".encr_data_len"], "Encr data len")
        if len == nil then return end
        r:add(tree, f[prefix .. ".encr_data"], len, "Encr data")
        return string.format("%d octets of %s", len, what)
    end
end
bodies[22] = encrypted_data("ibake", "IBE-encrypted sub-payloads")
bodies[23] = encrypted_data("esk", "IBE-encrypted ID || SK")

bodies[26] = function(r, tree) -- SAKKE
    r:u8(tree, f["sakke.params"], "SAKKE params")
    r:u8(tree, f["sakke.id_scheme"], "ID scheme")
    local len = r:u16(tree, f["sakke.data_len"], "SAKKE data length")
    if len then r:add(tree, f["sakke.data"], len, "SAKKE data") end
end

-- Sub-payloads (only inside encrypted data) ------------------------------------------------------

bodies[20] = function(r, tree) -- Key data
    local head = r:packed8(tree, f["keydata.type"], f["keydata.kv_type"], "Type and KV")
    local len = r:u16(tree, f["keydata.key_len"], "Key data len")
    if len == nil then return end
    r:add(tree, f["keydata.key"], len, "Key data")
    local key_type = bit.rshift(head, 4)
    if salted_key_types[key_type] then
        local salt_len = r:u16(tree, f["keydata.salt_len"], "Salt len")
        if salt_len then r:add(tree, f["keydata.salt"], salt_len, "Salt data") end
    end
    key_validity(r, tree, bit.band(head, 0x0f))
    return string.format("%s, %d octets", name_of(key_data_types, key_type), len)
end

bodies[24] = function(r, tree) -- SK
    local head = r:packed8(tree, f["sk.type"], f["sk.kv_type"], "Type and KV")
    local len = r:u16(tree, f["sk.key_len"], "Key len")
    if len == nil then return end
    r:add(tree, f["sk.key"], len, "Key")
    key_validity(r, tree, bit.band(head, 0x0f))
    return string.format("%d octets", len)
end

bodies[25] = function(r, tree, context) -- ECCPT
    local curve = r:u8(tree, f["eccpt.curve"], "ECC curve")
    if curve == nil then return end
    local size = ecc_coordinate_lengths[curve]
    local prefix = r:remaining() > 0 and r.tvb(r.pos, 1):uint() or 0
    if size == nil or not (prefix == 2 or prefix == 3 or prefix == 4) then
        tree:add_proto_expert_info(ef_unknown, "ECC point of curve " .. curve .. " with prefix " .. prefix)
        r.ok = false
        return
    end
    local length = (prefix == 4) and (1 + 2 * size) or (1 + size)
    r:add(tree, f["eccpt.point"], length, "ECC point")
    local pad = (4 - (r.pos - context.start) % 4) % 4 -- PROFILE D5: pad to 32 bits from the sub-payload's start
    if pad > 0 then r:add(tree, f["eccpt.padding"], pad, "Padding") end
    r:u8(tree, f["eccpt.auth_alg"], "Auth alg")
    r:u16(tree, f["eccpt.tgk_len"], "TGK len")
    local kv = r:packed8(tree, f["eccpt.reserved"], f["eccpt.kv_type"], "Reserved and KV")
    if kv then key_validity(r, tree, bit.band(kv, 0x0f)) end
    return name_of(ecc_curves, curve)
end

-- A chain of payloads (or sub-payloads), each naming the next's type; returns the types seen.
dissect_chain = function(tvb, tree, offset, limit, first, context, sub)
    local next_type = first
    local r = reader(tvb, offset, limit)
    local names = {}
    while next_type ~= 0 and r.ok do
        if r:remaining() <= 0 then
            tree:add_proto_expert_info(ef_truncated, "payload " .. name_of(payload_types, next_type) ..
                                       " announced but the message ends")
            break
        end
        local start = r.pos
        local body = bodies[next_type]
        local label = string.format("%s %s — %s", name_of(payload_types, next_type), sub and "sub-payload" or "payload",
                                    payload_titles[next_type] or "")
        local item = tree:add(p, tvb(start, 1), label)
        names[#names + 1] = payload_types[next_type] or tostring(next_type)
        local following = 0
        if next_type ~= 4 then following = r:u8(item, f["next_payload"], "Next payload") end
        if body == nil then
            item:add_proto_expert_info(ef_unknown, "no layout for payload type " .. next_type ..
                                       "; the rest of the message is shown as octets")
            r.pos = limit
            break
        end
        context.start = start
        local summary = body(r, item, context)
        item:set_len(r.pos - start)
        if summary then item:append_text(": " .. summary) end
        next_type = following or 0
    end
    if r.ok and r.pos < limit then
        tree:add_proto_expert_info(ef_trailing, string.format("%d octets after the last payload", limit - r.pos))
    end
    return names
end

-- Common header (RFC 3830 §6.1) ---------------------------------------------------------------

local function header(tvb, tree)
    local r = reader(tvb, 0, tvb:len())
    local item = tree:add(p, tvb(0, math.min(10, tvb:len())), "HDR — Common header")
    r:u8(item, f["hdr.version"], "Version")
    local data_type = r:u8(item, f["hdr.data_type"], "Data type")
    local next_payload = r:u8(item, f["hdr.next_payload"], "Next payload")
    r:packed8(item, f["hdr.v"], f["hdr.prf"], "V and PRF func")
    local csb = r:add(item, f["hdr.csb_id"], 4, "CSB ID")
    local count = r:u8(item, f["hdr.cs_count"], "#CS")
    local map_type = r:u8(item, f["hdr.cs_id_map_type"], "CS ID map type")
    if map_type == 0 then
        for index = 1, count do
            local cs = item:add(p, tvb(r.pos, math.min(9, math.max(r:remaining(), 0))), "CS ID " .. index .. " (SRTP-ID)")
            r:u8(cs, f["hdr.srtp.policy_no"], "Policy no")
            r:add(cs, f["hdr.srtp.ssrc"], 4, "SSRC")
            r:add(cs, f["hdr.srtp.roc"], 4, "ROC")
        end
    elseif map_type == 2 then
        for index = 1, count do
            local start = r.pos
            local cs = item:add(p, tvb(start, math.min(1, r:remaining())), "Entry " .. index .. " (GENERIC-ID)")
            r:u8(cs, f["hdr.generic.cs_id"], "CS ID")
            r:u8(cs, f["hdr.generic.prot_type"], "Prot type")
            local flags = r:packed8(cs, f["hdr.generic.s"], f["hdr.generic.p_count"], "S and #P")
            if flags == nil then break end
            for _ = 1, bit.band(flags, 0x7f) do r:u8(cs, f["hdr.generic.policy_no"], "Policy no") end
            local len = r:u16(cs, f["hdr.generic.session_data_len"], "Session data length")
            if len then r:add(cs, f["hdr.generic.session_data"], len, "Session data") end
            local spi_len = r:u8(cs, f["hdr.generic.spi_len"], "SPI length")
            if spi_len then r:add(cs, f["hdr.generic.spi"], spi_len, "SPI") end
            if r.ok then cs:set_len(r.pos - start) end
        end
    end
    if r.ok then
        item:set_len(r.pos)
        item:append_text(string.format(": %s, CSB ID 0x%08x", name_of(data_types, data_type), csb:uint()))
    end
    return r, data_type, next_payload
end

-- The lab's own text records between network parties ("mikey-ibake-lab call-taken ...",
-- PROFILE D20) reach the MIKEY port too; they are the lab's, not MIKEY.
local TEXT_RECORD = "mikey-ibake-lab "

local function is_text_record(tvb)
    return tvb:len() > #TEXT_RECORD and tvb(0, #TEXT_RECORD):string() == TEXT_RECORD
end

function p.dissector(tvb, pinfo, tree)
    if tvb:len() < 1 then return 0 end
    if is_text_record(tvb) then
        return Dissector.get("mikeyibake_lab"):call(tvb, pinfo, tree)
    end
    pinfo.cols.protocol = "MIKEY-IBAKE"
    local root = tree:add(p, tvb(), "MIKEY-IBAKE")
    local r, data_type, next_payload = header(tvb, root)
    local type_name = data_type and name_of(data_types, data_type) or "truncated"
    root:append_text(": " .. type_name)
    local names = {}
    if r.ok then
        names = dissect_chain(tvb, root, r.pos, tvb:len(), next_payload, { data_type = data_type }, false)
    end
    pinfo.cols.info = type_name .. (#names > 0 and (" [" .. table.concat(names, ", ") .. "]") or "")
    return tvb:len()
end

DissectorTable.get("udp.port"):add(MIKEY_PORT, p)

-- The lab's own records on UDP 52269 (not MIKEY) ------------------------------------------------

local lab = Proto("mikeyibake_lab", "MIKEY-IBAKE Lab record (not MIKEY)")
local lf = {
    magic = ProtoField.string("mikeyibake_lab.magic", "Magic"),
    version = ProtoField.uint8("mikeyibake_lab.version", "Version"),
    round = ProtoField.uint8("mikeyibake_lab.round", "Round", base.DEC, { [1] = "GROUP_Z (z values)", [2] = "GROUP_X (X values)" }),
    agreement = ProtoField.uint8("mikeyibake_lab.agreement", "Agreement"),
    count = ProtoField.uint8("mikeyibake_lab.count", "Entries"),
    sender = ProtoField.uint8("mikeyibake_lab.entry.sender", "Sender member"),
    recipient = ProtoField.uint8("mikeyibake_lab.entry.recipient", "Recipient member"),
    length = ProtoField.uint16("mikeyibake_lab.entry.length", "Length"),
    ciphertext = ProtoField.bytes("mikeyibake_lab.entry.ciphertext", "IBE ciphertext"),
    opaque = ProtoField.bytes("mikeyibake_lab.opaque", "Record"),
    text = ProtoField.string("mikeyibake_lab.text", "Text record"),
    text_kind = ProtoField.string("mikeyibake_lab.text.kind", "Record"),
    text_csb = ProtoField.uint32("mikeyibake_lab.text.csb_id", "CSB ID", base.HEX),
    text_identity = ProtoField.string("mikeyibake_lab.text.identity", "Identity"),
    text_deposit = ProtoField.string("mikeyibake_lab.text.deposit", "Deposit (index/count)"),
    text_esk_len = ProtoField.uint32("mikeyibake_lab.text.esk_len", "ESK (IBE ciphertext), octets"),
    text_content_len = ProtoField.uint32("mikeyibake_lab.text.content_len", "Content under SK (AES-128-CM), octets"),
}
lab.fields = { lf.text, lf.text_kind, lf.text_csb, lf.text_identity, lf.text_deposit, lf.text_esk_len, lf.text_content_len, lf.magic, lf.version, lf.round, lf.agreement, lf.count, lf.sender, lf.recipient, lf.length,
               lf.ciphertext, lf.opaque }

-- A text record's words (its kind, then its fields, one space apart), each with its range.
local function text_words(tvb)
    local text = tvb():string()
    local words, last = {}, #TEXT_RECORD
    for word in text:sub(#TEXT_RECORD + 1):gmatch("[^ ]+") do
        local at = text:find(word, last + 1, true)
        words[#words + 1] = { word = word, range = tvb(at - 1, #word) }
        last = at + #word - 1
    end
    return words
end

-- The fields of a text record under `root`; returns the summary for the Info column.
local function text_record(tvb, root)
    root:add(lf.text, tvb())
    local w = text_words(tvb)
    if #w == 0 then return "empty" end
    local kind = w[1].word
    root:add(lf.text_kind, w[1].range)
    local summary = kind
    local function octets(word) return math.floor(#word.word / 2) end
    if (kind == "call-taken" or kind == "deposit" or kind == "kept" or kind == "declined") and w[2] then
        local csb = tonumber(w[2].word:sub(3), 16)
        if csb then root:add(lf.text_csb, w[2].range, csb) end
        summary = summary .. ", CSB ID " .. w[2].word
    end
    if kind == "deposit" and w[3] then
        root:add(lf.text_content_len, w[3].range, octets(w[3]))
        summary = summary .. string.format(", %d octets of content under SK", octets(w[3]))
    elseif kind == "pickup" and w[2] then
        root:add(lf.text_identity, w[2].range)
        summary = summary .. " for " .. w[2].word
    elseif kind == "held" and w[2] then
        root:add(lf.text_deposit, w[2].range)
        summary = summary .. " " .. w[2].word
        if w[5] then
            root:add(lf.text_identity, w[3].range)
            root:add(lf.text_esk_len, w[4].range, octets(w[4]))
            root:add(lf.text_content_len, w[5].range, octets(w[5]))
            summary = summary .. string.format(", left by %s: ESK %d octets, content %d octets", w[3].word, octets(w[4]), octets(w[5]))
        end
    end
    return summary
end

function lab.dissector(tvb, pinfo, tree)
    local length = tvb:len()
    if length < 1 then return 0 end
    pinfo.cols.protocol = "MIKEY-IBAKE lab"
    local root = tree:add(lab, tvb())
    -- A group frame (PROFILE D14): "BD" | version 1 | round | agreement | count, then entries
    -- sender (1) | recipient (1) | length (2) | IBE ciphertext.
    if length >= 6 and tvb(0, 2):string() == "BD" and tvb(2, 1):uint() == 1 then
        local round = tvb(3, 1):uint()
        local name = round == 1 and "GROUP_Z" or (round == 2 and "GROUP_X" or ("group round " .. round))
        root:append_text(": " .. name .. " (group frame, PROFILE D14)")
        root:add(lf.magic, tvb(0, 2))
        root:add(lf.version, tvb(2, 1))
        root:add(lf.round, tvb(3, 1))
        root:add(lf.agreement, tvb(4, 1))
        root:add(lf.count, tvb(5, 1))
        local r = reader(tvb, 6, length)
        for index = 1, tvb(5, 1):uint() do
            local start = r.pos
            local entry = root:add(lab, tvb(start, math.min(1, math.max(r:remaining(), 0))), "Entry " .. index)
            local sender = r:u8(entry, lf.sender, "Sender member")
            local recipient = r:u8(entry, lf.recipient, "Recipient member")
            local n = r:u16(entry, lf.length, "Length")
            if n then r:add(entry, lf.ciphertext, n, "IBE ciphertext") end
            if not r.ok then break end
            entry:set_len(r.pos - start)
            entry:append_text(string.format(": member %d to member %d, %d octets", sender, recipient, n))
        end
        if r.ok and r.pos < length then
            root:add_proto_expert_info(ef_trailing, string.format("%d octets after the last entry", length - r.pos))
        end
        pinfo.cols.info = name .. " (group frame)"
    elseif is_text_record(tvb) then
        -- Between network parties (PROFILE D20): a forked call taken by another device
        -- (call-taken), content left with a mailbox (deposit, kept), and a user's pickup of
        -- what it holds (pickup, held; PROFILE D12).
        local summary = text_record(tvb, root)
        root:append_text(": " .. summary)
        pinfo.cols.info = "Lab record: " .. summary
    else
        root:append_text(": opaque (mailbox deposit or pickup, or plain-IBE key; PROFILE D12)")
        root:add(lf.opaque, tvb())
        pinfo.cols.info = string.format("Lab record, %d octets", length)
    end
    return length
end

DissectorTable.get("udp.port"):add(LAB_RECORD_PORT, lab)

@testable import Demonstrator
import Testing

/// A wire line gives up identities before values: the point of R_MESSAGE_1 is the bP it carries.
@Suite struct WireNotationTests {
    @Test func identitiesGiveWayBeforeValues() {
        #expect(WireNotation.forms("IBE_I(IDRi, aP, IDRr, bP)") == ["IBE_I(IDRi, aP, IDRr, bP)", "IBE_I(…, aP, …, bP)", "IBE_I(aP, bP)"])
        #expect(WireNotation.forms("IBE_M(IDRi, IDRr, aP, bP), ESK_B(ID, SK)")
                == ["IBE_M(IDRi, IDRr, aP, bP), ESK_B(ID, SK)", "IBE_M(…, aP, bP), ESK_B(…, SK)", "IBE_M(aP, bP), ESK_B(SK)"])
        #expect(WireNotation.forms("IBE_M1(z2), IBE_M1(z4)") == ["IBE_M1(z2), IBE_M1(z4)", "IBE_M1 ×2: z2, z4"],
                "a group frame's layers to one member, said once")
        #expect(WireNotation.forms("IBE_M3(X1), IBE_M4(X1), IBE_M5(X1)").last == "IBE_M3/M4/M5(X1)", "one value to three members")
        #expect(WireNotation.forms("V = MAC(auth_key)") == ["V = MAC(auth_key)"], "nothing to shorten: one form")
        #expect(WireNotation.forms("IDRi, IDRkms, V_PSK") == ["IDRi, IDRkms, V_PSK", "IDRi, IDRkms"], "the MAC goes last")
        #expect(WireNotation.forms("KEMAC_PSK(ID, K_PR), V_PSK").last == "KEMAC_PSK(K_PR)")
    }
}

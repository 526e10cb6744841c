@testable import Demonstrator
import Testing

/// A wire line gives up identities before values: the point of R_MESSAGE_1 is the bP it carries.
@Suite struct WireNotationTests {
    @Test func identitiesGiveWayBeforeValues() {
        #expect(WireNotation.forms("IBE_I(IDRi, aP, IDRr, bP)") == ["IBE_I(IDRi, aP, IDRr, bP)", "IBE_I(…, aP, …, bP)", "IBE_I(aP, bP)"])
        #expect(WireNotation.forms("IBE_M(IDRi, IDRr, aP, bP), ESK_B(ID, SK)")
                == ["IBE_M(IDRi, IDRr, aP, bP), ESK_B(ID, SK)", "IBE_M(…, aP, bP), ESK_B(…, SK)", "IBE_M(aP, bP), ESK_B(SK)"])
        #expect(WireNotation.forms("V = MAC(auth_key)") == ["V = MAC(auth_key)"], "nothing to shorten: one form")
        #expect(WireNotation.forms("IDRi, IDRkms, V_PSK") == ["IDRi, IDRkms, V_PSK"], "outside parentheses items stay")
    }
}

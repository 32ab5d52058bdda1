package dk.sosi.sts.token.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdCardTest {

    @Test
    void toBuilderWhenUnchangedThenBuildsAnEqualCard() {
        IdCard card = TestIdCards.passwordCard().build();

        assertEquals(card, card.toBuilder().build());
    }

    @Test
    void toBuilderWhenOneValueChangedThenOnlyThatValueDiffers() {
        IdCard card = TestIdCards.employeeCard().build();

        IdCard reissued = card.toBuilder().issuer("TEST1-NSP-STS").build();

        assertEquals("TEST1-NSP-STS", reissued.issuer());
        assertEquals(card, reissued.toBuilder().issuer(card.issuer()).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -1})
    void buildWhenLevelOutside1To4ThenIllegalArgument(int level) {
        IdCard.Builder card = TestIdCards.systemCard().authenticationLevel(level);

        assertThrows(IllegalArgumentException.class, card::build);
    }

    @Test
    void buildWhenUserCardWithoutUserLogThenIllegalArgument() {
        IdCard.Builder card = TestIdCards.employeeCard().userLog(Optional.empty());

        assertThrows(IllegalArgumentException.class, card::build);
    }

    @Test
    void buildWhenRequiredValueMissingThenNullPointerNamingIt() {
        NullPointerException missing = assertThrows(NullPointerException.class,
                () -> TestIdCards.systemCard().systemLog(null).build());

        assertEquals("systemLog", missing.getMessage());
    }

    @Test
    void toStringWhenUsernameTokenThenPasswordNotShown() {
        assertFalse(TestIdCards.passwordCard().build().toString().contains("secret"));
    }

    @Test
    void ofWhenKnownValueThenEnumElseIllegalArgument() {
        assertEquals(IdCardType.USER, IdCardType.of("user"));
        assertEquals(IdCardType.SYSTEM, IdCardType.of("system"));
        assertEquals(DgwsVersion.V1_0, DgwsVersion.of("1.0"));
        assertEquals(DgwsVersion.V1_0_1, DgwsVersion.of("1.0.1"));
        assertThrows(IllegalArgumentException.class, () -> IdCardType.of("User"));
        assertThrows(IllegalArgumentException.class, () -> DgwsVersion.of("1.0.2"));
    }
}

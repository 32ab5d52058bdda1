package dk.sosi.sts.token.idcard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Stateless. Builders of valid id-cards for tests, to be tweaked per test (protocol.md 3.2 examples). */
public final class TestIdCards {

    /** 2020-04-04T09:41:32Z, the unsealed request's IssueInstant. */
    public static final Instant ISSUED = Instant.parse("2020-04-04T09:41:32Z");

    private TestIdCards() {
    }

    /** A level-4 user card (DGWS 1.0.1) with every UserLog attribute. */
    public static IdCard.Builder employeeCard() {
        return IdCard.builder()
                .issuer("TheSOSILibrary")
                .nameId(new NameId("medcom:cprnumber", "0501792275"))
                .issueInstant(ISSUED)
                .notBefore(ISSUED)
                .notOnOrAfter(ISSUED.plus(24, ChronoUnit.HOURS))
                .idCardId("hRyC+neSxkdwzcYGLfF/Ww==")
                .version(DgwsVersion.V1_0_1)
                .type(IdCardType.USER)
                .authenticationLevel(4)
                .ocesCertHash(Optional.of("VZx0Zb5RbFvLgPchoRXta2KCiHY="))
                .userLog(Optional.of(new UserLog(Optional.of("0501792275"), "Lars", "Larsen",
                        Optional.of("lars@example.dk"), "urn:dk:healthcare:national-federation-role:code:41001:value:Læge",
                        Optional.of("J0184"), Optional.of("Læge"))))
                .systemLog(new SystemLog("Kom Godt i Gang Guider", "medcom:cvrnumber", "20921897", "Statens Serum Institut"));
    }

    /** A level-3 system card (DGWS 1.0.1). */
    public static IdCard.Builder systemCard() {
        return IdCard.builder()
                .issuer("SealJava-2.6.25-TheSOSILibrary")
                .nameId(new NameId("medcom:cvrnumber", "33257872"))
                .issueInstant(ISSUED)
                .notBefore(ISSUED)
                .notOnOrAfter(ISSUED.plus(24, ChronoUnit.HOURS))
                .idCardId("9NoXxoYfSFsW9pqlkd8Rvw==")
                .version(DgwsVersion.V1_0_1)
                .type(IdCardType.SYSTEM)
                .authenticationLevel(3)
                .ocesCertHash(Optional.of("f6ZdJ0CPmwpKVPZQ1NnkpDlB0KE="))
                .systemLog(new SystemLog("Service Consumer Test", "medcom:cvrnumber", "33257872", "Sundhedsdatastyrelsen"));
    }

    /** A level-2 user card: username and password, no certificate, only the required UserLog attributes. */
    public static IdCard.Builder passwordCard() {
        return employeeCard()
                .authenticationLevel(2)
                .ocesCertHash(Optional.empty())
                .usernameToken(Optional.of(new UsernameToken("lars", "secret")))
                .userLog(Optional.of(new UserLog(Optional.empty(), "Lars", "Larsen", Optional.empty(), "7170",
                        Optional.empty(), Optional.empty())));
    }

    /** A level-1 system card: no SubjectConfirmation, no hash. */
    public static IdCard.Builder anonymousCard() {
        return systemCard().authenticationLevel(1).ocesCertHash(Optional.empty());
    }
}

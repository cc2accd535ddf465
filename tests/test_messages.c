/* test_messages.c — RULES.md section 4 and M1: what a person may be shown. A reason that reveals
   a protective measure about the citizen is never put into a message for anyone but the citizen;
   the official Swedish wordings are kept verbatim. */
#include <string.h>

#include "suites.h"
#include "test_util.h"

static const char GENERIC_SV[] =
    "Uppgifterna kan inte visas via 1177. Kontakta vården om du har frågor.";
static const char UNDER_16_SV[] =
    "Du som är under 16 har inte tillgång till Journalen. Om du är mellan 13 och 15 år och har "
    "särskilda skäl att vilja läsa din journal kan du kontakta de som ansvarar för din vård.";

static const pv_reason protective[] = {PV_REASON_GUARDIAN_BLOCKED,   PV_REASON_PROTECTED_IDENTITY,
                                       PV_REASON_CHILD_LOGIN_LOCKED, PV_REASON_JOURNAL_SEALED,
                                       PV_REASON_UNIT_SEALED,        PV_REASON_ENTRY_SEALED};
static const pv_actor_kind others[] = {PV_ACTOR_GUARDIAN, PV_ACTOR_REPRESENTATIVE, PV_ACTOR_OTHER};

static void test_m1_never_null(void) {
    for (int r = 0; r < PV_REASON_COUNT; r++)
        for (int a = 0; a < PV_ACTOR_KIND_COUNT; a++)
            for (int l = 0; l < PV_LANGUAGE_COUNT; l++) {
                const char *m = pv_message((pv_reason)r, (pv_actor_kind)a, (pv_language)l);
                CU_ASSERT_PTR_NOT_NULL(m);
            }
    for (int l = 0; l < PV_LANGUAGE_COUNT; l++) {
        CU_ASSERT_PTR_NOT_NULL(pv_message_generic((pv_language)l));
        if (pv_message_generic((pv_language)l) != NULL)
            CU_ASSERT_TRUE(strlen(pv_message_generic((pv_language)l)) > 0);
    }
}

static void test_m1_protective_reasons_generic_for_others(void) {
    for (size_t i = 0; i < sizeof protective / sizeof protective[0]; i++)
        for (size_t a = 0; a < sizeof others / sizeof others[0]; a++)
            for (int l = 0; l < PV_LANGUAGE_COUNT; l++) {
                const char *m = pv_message(protective[i], others[a], (pv_language)l);
                const char *g = pv_message_generic((pv_language)l);
                CU_ASSERT_PTR_NOT_NULL_FATAL(m);
                CU_ASSERT_PTR_NOT_NULL_FATAL(g);
                CU_ASSERT_STRING_EQUAL(m, g);
            }
}

static void test_m1_not_related_generic_for_others(void) {
    /* Section 4: NOT_RELATED gives anyone else the generic message. */
    for (size_t a = 0; a < sizeof others / sizeof others[0]; a++)
        for (int l = 0; l < PV_LANGUAGE_COUNT; l++)
            CU_ASSERT_STRING_EQUAL(pv_message(PV_REASON_NOT_RELATED, others[a], (pv_language)l),
                                   pv_message_generic((pv_language)l));
}

static void test_m1_generic_swedish_verbatim(void) {
    CU_ASSERT_STRING_EQUAL(pv_message_generic(PV_LANGUAGE_SV), GENERIC_SV);
    /* the English one is another text, and neither names a measure */
    CU_ASSERT_STRING_NOT_EQUAL(pv_message_generic(PV_LANGUAGE_EN), GENERIC_SV);
    static const char *const revealing[] = {"förseg", "Förseg", "låst", "skydd", "Skydd",
                                            "block",  "seal",   "Seal", "lock",  "protect"};
    for (size_t i = 0; i < sizeof revealing / sizeof revealing[0]; i++)
        for (int l = 0; l < PV_LANGUAGE_COUNT; l++)
            CU_ASSERT_PTR_NULL(strstr(pv_message_generic((pv_language)l), revealing[i]));
}

/* True if 'message' is 'text', possibly followed by a full stop (the table of section 4 quotes
   the wording without closing punctuation). */
static bool is_wording(const char *message, const char *text) {
    size_t n = strlen(text);
    if (message == NULL || strncmp(message, text, n) != 0) return false;
    return message[n] == '\0' || strcmp(message + n, ".") == 0;
}

static void test_m1_swedish_wordings_verbatim(void) {
    /* LOGIN_LOCKED and NO_EID: the same for everyone (the actor's own lock / e-ID). */
    for (int a = PV_ACTOR_SELF; a < PV_ACTOR_KIND_COUNT; a++) {
        CU_ASSERT_TRUE(
            is_wording(pv_message(PV_REASON_LOGIN_LOCKED, (pv_actor_kind)a, PV_LANGUAGE_SV),
                       "Inloggningen är låst"));
        CU_ASSERT_TRUE(is_wording(pv_message(PV_REASON_NO_EID, (pv_actor_kind)a, PV_LANGUAGE_SV),
                                  "Logga in med BankID eller Freja+"));
    }
    CU_ASSERT_STRING_EQUAL(pv_message(PV_REASON_UNDER_16, PV_ACTOR_SELF, PV_LANGUAGE_SV),
                           UNDER_16_SV);
    /* OWN_JOURNAL_SEALED: the actor's own seal, for guardians and representatives */
    CU_ASSERT_TRUE(
        is_wording(pv_message(PV_REASON_OWN_JOURNAL_SEALED, PV_ACTOR_GUARDIAN, PV_LANGUAGE_SV),
                   "Ditt konto i Journalen är förseglat"));
    CU_ASSERT_TRUE(is_wording(
        pv_message(PV_REASON_OWN_JOURNAL_SEALED, PV_ACTOR_REPRESENTATIVE, PV_LANGUAGE_SV),
        "Ditt konto i Journalen är förseglat"));
}

static void test_m1_english_differs_from_swedish(void) {
    static const pv_reason reasons[] = {PV_REASON_NO_EID, PV_REASON_LOGIN_LOCKED,
                                        PV_REASON_UNDER_16};
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
        const char *sv = pv_message(reasons[i], PV_ACTOR_SELF, PV_LANGUAGE_SV);
        const char *en = pv_message(reasons[i], PV_ACTOR_SELF, PV_LANGUAGE_EN);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sv);
        CU_ASSERT_PTR_NOT_NULL_FATAL(en);
        CU_ASSERT_STRING_NOT_EQUAL(sv, en);
        CU_ASSERT_TRUE(strlen(en) > 0);
    }
}

static void test_m1_permit_reasons_give_empty_string(void) {
    for (int r = PV_REASON_FIRST_PERMIT; r <= PV_REASON_LAST_PERMIT; r++)
        for (int a = PV_ACTOR_SELF; a < PV_ACTOR_KIND_COUNT; a++)
            for (int l = 0; l < PV_LANGUAGE_COUNT; l++)
                CU_ASSERT_STRING_EQUAL(pv_message((pv_reason)r, (pv_actor_kind)a, (pv_language)l),
                                       "");
}

static void test_m1_deny_messages_not_empty(void) {
    /* Section 4: the citizen has a text for these; others for the ones after. */
    static const pv_reason for_self[] = {PV_REASON_INVALID_INPUT, PV_REASON_NO_EID,
                                         PV_REASON_LOGIN_LOCKED,  PV_REASON_UNDER_13,
                                         PV_REASON_UNDER_16,      PV_REASON_JOURNAL_SEALED,
                                         PV_REASON_UNIT_SEALED,   PV_REASON_ENTRY_SEALED};
    static const pv_reason for_others[] = {PV_REASON_INVALID_INPUT,
                                           PV_REASON_NOT_RELATED,
                                           PV_REASON_NO_EID,
                                           PV_REASON_LOGIN_LOCKED,
                                           PV_REASON_OWN_JOURNAL_SEALED,
                                           PV_REASON_PROXY_ENDED,
                                           PV_REASON_REPRESENTATIVE_JOURNAL_ONLY,
                                           PV_REASON_REPRESENTATIVE_INCOMPLETE};
    for (int l = 0; l < PV_LANGUAGE_COUNT; l++) {
        for (size_t i = 0; i < sizeof for_self / sizeof for_self[0]; i++) {
            const char *m = pv_message(for_self[i], PV_ACTOR_SELF, (pv_language)l);
            CU_ASSERT_TRUE(m != NULL && m[0] != '\0');
        }
        for (size_t i = 0; i < sizeof for_others / sizeof for_others[0]; i++)
            for (size_t a = 0; a < sizeof others / sizeof others[0]; a++) {
                const char *m = pv_message(for_others[i], others[a], (pv_language)l);
                CU_ASSERT_TRUE(m != NULL && m[0] != '\0');
            }
    }
}

static void test_m1_self_age_texts_are_not_generic(void) {
    /* Section 4: the citizen is told why by age (UNDER_13 library text, UNDER_16 seed text),
       not with the generic message. */
    CU_ASSERT_STRING_NOT_EQUAL(pv_message(PV_REASON_UNDER_16, PV_ACTOR_SELF, PV_LANGUAGE_SV),
                               pv_message_generic(PV_LANGUAGE_SV));
    CU_ASSERT_STRING_NOT_EQUAL(pv_message(PV_REASON_UNDER_13, PV_ACTOR_SELF, PV_LANGUAGE_SV),
                               pv_message_generic(PV_LANGUAGE_SV));
}

static void test_m1_out_of_range_gives_generic(void) {
    for (int l = 0; l < PV_LANGUAGE_COUNT; l++) {
        const char *g = pv_message_generic((pv_language)l);
        CU_ASSERT_STRING_EQUAL(pv_message(PV_REASON_COUNT, PV_ACTOR_SELF, (pv_language)l), g);
        CU_ASSERT_STRING_EQUAL(pv_message((pv_reason)99, PV_ACTOR_GUARDIAN, (pv_language)l), g);
        CU_ASSERT_STRING_EQUAL(
            pv_message(PV_REASON_UNIT_SEALED, PV_ACTOR_KIND_COUNT, (pv_language)l), g);
        /* M1: an asker whose kind was not set is not the citizen: no protective reason is
           revealed to it */
        for (size_t i = 0; i < sizeof protective / sizeof protective[0]; i++) {
            CU_ASSERT_STRING_EQUAL(
                pv_message(protective[i], PV_ACTOR_KIND_UNSET, (pv_language)l), g);
        }
        CU_ASSERT_STRING_EQUAL(pv_message(PV_REASON_UNDER_16, (pv_actor_kind)99, (pv_language)l),
                               g);
    }
    /* a language out of range: the generic message (whatever language the library falls back
       to for it) */
    static const pv_language bad_languages[] = {PV_LANGUAGE_COUNT, (pv_language)99};
    for (size_t i = 0; i < sizeof bad_languages / sizeof bad_languages[0]; i++) {
        const char *g = pv_message_generic(bad_languages[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        CU_ASSERT_TRUE(g[0] != '\0');
        CU_ASSERT_STRING_EQUAL(pv_message(PV_REASON_UNDER_16, PV_ACTOR_SELF, bad_languages[i]), g);
        CU_ASSERT_STRING_EQUAL(pv_message(PV_REASON_SELF, PV_ACTOR_SELF, bad_languages[i]), g);
        CU_ASSERT_STRING_EQUAL(
            pv_message(PV_REASON_UNIT_SEALED, PV_ACTOR_GUARDIAN, bad_languages[i]), g);
    }
}

int register_messages_suite(void) {
    static const pv_test_case cases[] = {
        {"M1: never NULL", test_m1_never_null},
        {"M1: protective reasons are generic for anyone but the citizen",
         test_m1_protective_reasons_generic_for_others},
        {"M1: NOT_RELATED is generic for others", test_m1_not_related_generic_for_others},
        {"M1: the generic Swedish text verbatim", test_m1_generic_swedish_verbatim},
        {"M1: the Swedish wordings of section 4 verbatim", test_m1_swedish_wordings_verbatim},
        {"M1: English texts differ from Swedish", test_m1_english_differs_from_swedish},
        {"M1: permit reasons give the empty string", test_m1_permit_reasons_give_empty_string},
        {"M1: deny messages are not empty", test_m1_deny_messages_not_empty},
        {"M1: the citizen's age texts are not generic", test_m1_self_age_texts_are_not_generic},
        {"M1: out of range gives the generic message", test_m1_out_of_range_gives_generic},
        {NULL, NULL},
    };
    return pv_add_suite("messages (M1)", cases);
}

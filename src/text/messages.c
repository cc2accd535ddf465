/*
 * messages.c — what a person may be shown (RULES.md section 4, M1), in Swedish and English.
 *
 * The reason code is for the host system's logs; the message is what a person sees. A reason that
 * reveals a protective measure about the citizen (a seal, a lock on the citizen's login, a
 * guardian block, protected identity) gives anyone but the citizen only the generic message.
 * The official Swedish wordings of section 4 are kept verbatim.
 */
#include "../internal.h"

/* Who may see a reason's own text. */
typedef enum audience {
    NOBODY,      /* the generic message for everyone */
    EVERYONE,    /* the text for anyone who asks: it concerns the asker's own situation */
    SELF_ONLY,   /* the text for the citizen; others get the generic message (M1) */
    OTHERS_ONLY, /* the text for guardians and representatives: it cannot arise for the citizen */
} audience;

typedef struct message {
    audience audience;
    const char *text[PV_LANGUAGE_COUNT];
} message;

static const char *const generic[PV_LANGUAGE_COUNT] = {
    "Uppgifterna kan inte visas via 1177. Kontakta vården om du har frågor.",
    "The information cannot be shown through 1177. Contact your care provider if you have questions.",
};

static const message messages[PV_REASON_COUNT] = {
    [PV_REASON_SELF] = {EVERYONE, {"", ""}},
    [PV_REASON_GUARDIAN_PROXY] = {EVERYONE, {"", ""}},
    [PV_REASON_DIRECT_ACCESS] = {EVERYONE, {"", ""}},
    [PV_REASON_REPRESENTATIVE] = {EVERYONE, {"", ""}},
    [PV_REASON_INVALID_INPUT] = {EVERYONE,
                                 {"Ett tekniskt fel har uppstått. Försök igen senare.",
                                  "A technical error has occurred. Please try again later."}},
    [PV_REASON_NOT_RELATED] = {NOBODY, {NULL, NULL}},
    [PV_REASON_NO_EID] = {EVERYONE,
                          {"Logga in med BankID eller Freja+", "Log in with BankID or Freja+"}},
    /* The actor's own lock (E2): telling the actor reveals nothing about anyone else. */
    [PV_REASON_LOGIN_LOCKED] = {EVERYONE, {"Inloggningen är låst", "Your login is locked"}},
    /* The actor's own seal (E3); for the citizen it cannot arise (J1 covers that). */
    [PV_REASON_OWN_JOURNAL_SEALED] = {OTHERS_ONLY,
                                      {"Ditt konto i Journalen är förseglat",
                                       "Your account in the journal service is sealed"}},
    [PV_REASON_UNDER_13] =
        {SELF_ONLY,
         {"Du som är under 13 år kan inte logga in på 1177 själv. Din vårdnadshavare kan sköta dina ärenden.",
          "If you are under 13 you cannot log in to 1177 yourself. Your guardian can handle your matters."}},
    [PV_REASON_UNDER_16] =
        {SELF_ONLY,
         {"Du som är under 16 har inte tillgång till Journalen. Om du är mellan 13 och 15 år och har "
          "särskilda skäl att vilja läsa din journal kan du kontakta de som ansvarar för din vård.",
          "If you are under 16 you do not have access to the journal. If you are between 13 and 15 and "
          "have special reasons to want to read your journal, you can contact those responsible for "
          "your care."}},
    [PV_REASON_PROXY_ENDED] =
        {OTHERS_ONLY,
         {"Du kan inte längre agera ombud för barnet här. Från barnets 13-årsdag sköter barnet själv sina ärenden.",
          "You can no longer act on the child's behalf here. From the 13th birthday the child handles their own matters."}},
    [PV_REASON_REPRESENTATIVE_JOURNAL_ONLY] =
        {OTHERS_ONLY,
         {"Som ombud för journalen har du tillgång till Journalen men inte till e-tjänsterna.",
          "As a representative for the journal you have access to the journal but not to the e-services."}},
    [PV_REASON_REPRESENTATIVE_INCOMPLETE] =
        {OTHERS_ONLY,
         {"Ditt uppdrag som ombud för journalen är inte registrerat som giltigt. Kontakta vården.",
          "Your appointment as representative for the journal is not registered as valid. Contact your care provider."}},
    /* M1: a block, protected identity and the child's lock are never told to anyone. */
    [PV_REASON_GUARDIAN_BLOCKED] = {NOBODY, {NULL, NULL}},
    [PV_REASON_PROTECTED_IDENTITY] = {NOBODY, {NULL, NULL}},
    [PV_REASON_CHILD_LOGIN_LOCKED] = {NOBODY, {NULL, NULL}},
    /* M1: a seal is told to the citizen only. */
    [PV_REASON_JOURNAL_SEALED] = {SELF_ONLY,
                                  {"Din journal är förseglad.", "Your journal is sealed."}},
    [PV_REASON_UNIT_SEALED] = {SELF_ONLY,
                               {"Journalen från den här vårdenheten är förseglad.",
                                "The journal from this care unit is sealed."}},
    [PV_REASON_ENTRY_SEALED] = {SELF_ONLY,
                                {"Den här journalanteckningen är förseglad.",
                                 "This journal entry is sealed."}},
};

const char *pv_message_generic(pv_language language) {
    return (unsigned)language < PV_LANGUAGE_COUNT ? generic[language] : generic[PV_LANGUAGE_SV];
}

const char *pv_message(pv_reason reason, pv_actor_kind asker, pv_language language) {
    if ((unsigned)language >= PV_LANGUAGE_COUNT || (unsigned)reason >= PV_REASON_COUNT ||
        (unsigned)asker >= PV_ACTOR_KIND_COUNT) {
        return pv_message_generic(language);
    }
    const message *m = &messages[reason];
    bool is_self = asker == PV_ACTOR_SELF;
    bool shown = m->audience == EVERYONE || (m->audience == SELF_ONLY && is_self) ||
                 (m->audience == OTHERS_ONLY && !is_self);
    /* M1: whoever may not see the reason's own text gets the generic message. */
    return shown ? m->text[language] : generic[language];
}

#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Pop3Connector {

enum class Severity { Information, Warning, Error };
enum class Category { Download, Transfer, Delivery, Service, Configuration, Diagnostics };

// How much the event log keeps (the SBS 2003 levels). Each event has the lowest level at which
// it is kept: errors from Minimum, warnings and summaries from Medium, every detail at Maximum.
enum class LogLevel { None, Minimum, Medium, Maximum };

// Event ids are part of the product's interface: administrators search for them and
// docs/events.md explains each. Ids that SBS 2003's POP3 connector used keep their meaning.
enum class EventId : int {
    ServiceStarted = 1000,
    ServiceStopped = 1001,
    SpoolLocked = 1002,
    SpoolRecovered = 1003,
    SpoolUnusable = 1004,
    CycleStarted = 1005,
    CycleFinished = 1006,
    CycleDeferred = 1007,
    SpoolPermissionsRepaired = 1008,

    TransferFinished = 1040,
    MessageRouted = 1041,
    MailLoop = 1043,
    DuplicateSuppressed = 1044,
    TransferFailed = 1046,
    DeliveryFinishedWithErrors = 1048,
    DispatchFinished = 1050,
    MessageDelivered = 1051,
    LocalServerUnreachable = 1052,
    DeliveryDeferred = 1053,
    DeliveryRejected = 1054,
    LocalServerSessionFailed = 1055,
    DeliveryExpired = 1056,
    DispatchStopped = 1057,
    DispatchStarted = 1058,
    MessageRequeued = 1060,
    MessageDeleted = 1061,
    MessageWrapped = 1062,
    NoLocalRecipient = 1070,
    NoRecipientFailed = 1071,
    RecipientsNotRouted = 1072,
    SenderReplaced = 1073,

    ConfigurationInvalid = 1100,
    PasswordUnavailable = 1101,
    PasswordFileInsecure = 1102,
    PlainTextLogin = 1103,
    ControlClientRefused = 1110,
    ControlClientDropped = 1111,
    ConfigurationChanged = 1112,
    PasswordChanged = 1113,

    RetrievalStarted = 12000,
    RetrievalFinished = 12001,
    MessageStored = 12002,
    HostNotFound = 12010,
    ConnectionFailed = 12011,
    CertificateUntrusted = 12012,
    TlsFailed = 12013,
    StartTlsUnavailable = 12014,
    AuthenticationFailed = 12015,
    MailboxBusy = 12016,
    ServerTemporaryFailure = 12017,
    ServerPermanentFailure = 12018,
    ServerTimeout = 12019,
    ConnectionDropped = 12020,
    ProtocolViolation = 12021,
    MessageTooLarge = 12022,
    MessageUnavailable = 12023,
    StorageFailed = 12024,
    ExpirePolicyConflict = 12025,
    NoUniqueIds = 12026,
    BacklogRemaining = 12027,
    RetrievalCancelled = 12028,
    QuitNotConfirmed = 12029,
    LoginDelayLongerThanInterval = 12030,
    QuitRefused = 12031,
    Pop3TransactionError = 12052,
};

struct Event
{
    EventId id = EventId::ServiceStarted;
    QDateTime time;
    Severity severity = Severity::Information;
    Category category = Category::Service;
    QString mailbox; // configured mailbox name, when the event concerns one
    QString message; // spool file name or UIDL, when the event concerns one message
    QString text; // what happened, with the particulars

    // Fills severity and category from the catalog.
    static Event make(
        EventId id, const QString &text, const QString &mailbox = {}, const QString &message = {});
};

// What the documentation says of an event: its fixed severity and category, the lowest log
// level that keeps it, and the cause and fix an administrator reads next to it.
struct EventDescription
{
    EventId id;
    Severity severity;
    Category category;
    LogLevel level;
    QString title;
    QString cause;
    QString fix;
};

EventDescription describe(EventId id);
QList<EventId> allEventIds();

QString displayName(Severity severity);
QString displayName(Category category);
QString settingValue(LogLevel level);
std::optional<LogLevel> logLevelFromString(const QString &text);

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::Event)

#include "events/event.h"

#include <QCoreApplication>

namespace Pop3Connector {

namespace {

QString t(const char *text)
{
    return QCoreApplication::translate("Pop3Connector::Events", text);
}

struct Row
{
    EventId id;
    Severity severity;
    Category category;
    LogLevel level;
    const char *title;
    const char *cause;
    const char *fix;
};

// One row per event; docs/events.md says the same in more words (a test keeps them in step).
const Row kRows[] = {
    {EventId::ServiceStarted, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Connector started"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The connector started and will retrieve mail on its schedule."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::ServiceStopped, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Connector stopped"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The connector was stopped; no mail is retrieved until it starts."),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "Start the connector again when mail should flow.")},
    {EventId::SpoolLocked, Severity::Error, Category::Service, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Spool in use by another connector"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Another connector process works on the same spool folder; two at once could "
            "retrieve the same message twice, so this one does not start."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Stop the other process (its process id is in the text), or give this one its own "
            "spool folder in the configuration.")},
    {EventId::SpoolRecovered, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Spool recovered after an interruption"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The previous run ended without finishing (a crash, a power cut or a kill). Messages "
            "that were safely stored were moved into place; incomplete temporary files were "
            "removed "
            "and those messages, still on the server, will be retrieved again."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do; no mail was lost. If this repeats, find out why the connector stops "
            "(system log, out of memory, disk).")},
    {EventId::SpoolUnusable, Severity::Error, Category::Service, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Spool folder cannot be used"),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "A spool folder could not be created or written."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Check that the spool path in the configuration exists, that the connector's user may "
            "write it, and that the disk is not full.")},
    {EventId::CycleStarted, Severity::Information, Category::Service, LogLevel::Maximum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Retrieval cycle started"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "A scheduled or manual retrieval cycle began."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::CycleFinished, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Retrieval cycle finished"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A retrieval cycle ended; the text counts mailboxes, messages and failures."),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "If mailboxes failed, see their own events for the reason.")},
    {EventId::CycleDeferred, Severity::Warning, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Retrieval cycle deferred"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The scheduled time came while the previous cycle was still running; cycles never "
            "overlap, so the next one starts when the current one ends."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "If this happens often, make the interval longer or lower the per-cycle message cap.")},

    {EventId::SpoolPermissionsRepaired, Severity::Warning, Category::Service, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Spool made private"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Files or folders of the spool could be read by other local users (left by an older "
            "version, a restored backup or a umask of 022). The connector made them private to "
            "the service user: folders 0700, files 0600."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing is needed. If it happens again, find what creates files in the spool with "
            "wider permissions (a backup restore, a script) and make it keep them private; the "
            "systemd unit sets UMask=0077.")},

    {EventId::TransferFinished, Severity::Information, Category::Transfer, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Transfer finished"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Messages were taken from Incoming Mail, given their local recipients and put in "
            "PickUp; "
            "the text counts them and those that went to Failed Mail."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "If messages went to Failed Mail, see their events and the Spool tab.")},
    {EventId::MessageRouted, Severity::Information, Category::Transfer, LogLevel::Maximum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Message routed"),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "A message was given its local recipients and put in PickUp."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::MailLoop, Severity::Error, Category::Transfer, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Mail loop detected"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The message already carries this connector's trace line several times: it is going "
            "round between the provider and the office (for example a forward back to the POP3 "
            "mailbox). It was put in Failed Mail instead of being delivered again."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Remove the forwarding that sends mail back to the provider's mailbox, then requeue or "
            "delete the message in the Spool tab.")},
    {EventId::DuplicateSuppressed, Severity::Information, Category::Transfer, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Duplicate not delivered again"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The same message (same Message-ID and same body) was already delivered to this local "
            "mailbox, for example because the provider's catch-all mailbox received one copy per "
            "recipient."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::TransferFailed, Severity::Error, Category::Transfer, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Error taking mail from the incoming queue"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A message in Incoming Mail could not be read or routed (unreadable file, mailbox no "
            "longer configured). It was moved to Failed Mail with the reason; the messages behind "
            "it "
            "went on."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Read the reason in the Spool tab, correct the configuration if needed, and requeue "
            "the "
            "message; or send it as an attachment to the undeliverable-mail mailbox.")},
    {EventId::DeliveryFinishedWithErrors, Severity::Warning, Category::Delivery, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Delivery finished with errors"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Delivery to the local mail server ended, but one or more messages were deferred or "
            "rejected."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "See the events of those messages; rejected ones are in BadMail.")},
    {EventId::DispatchFinished, Severity::Information, Category::Delivery, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Delivery finished"),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "Messages in PickUp were delivered to the local mail server."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::MessageDelivered, Severity::Information, Category::Delivery, LogLevel::Maximum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Message delivered"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "The local mail server accepted a message."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::LocalServerUnreachable, Severity::Error, Category::Delivery, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Local mail server unreachable"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The connector could not connect to the local mail server. Mail waits in PickUp and is "
            "delivered when the server answers again; nothing is lost."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Start the local mail server, or correct [delivery] host and port.")},
    {EventId::DeliveryDeferred, Severity::Warning, Category::Delivery, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Delivery deferred"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The local mail server answered with a temporary error (4xx). The message stays in "
            "PickUp and is tried again later, waiting longer each time."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do if it passes. If it lasts, read the server's reply in the text.")},
    {EventId::DeliveryRejected, Severity::Error, Category::Delivery, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Delivery rejected"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The local mail server refused a message or a recipient for good (5xx). It was moved "
            "to BadMail with the server's reply; other recipients of the message were delivered."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Correct the cause (unknown local user: fix the routing rule or create the mailbox), "
            "then requeue the message from BadMail.")},
    {EventId::LocalServerSessionFailed, Severity::Error, Category::Delivery, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Error talking to the local mail server"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The session with the local mail server failed (TLS, authentication, an unexpected "
            "reply or a dropped connection). Mail waits in PickUp."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Check [delivery] security, user and password, and the server's log.")},
    {EventId::DeliveryExpired, Severity::Error, Category::Delivery, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Delivery given up"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A message was deferred by the local mail server for two days. It was moved to "
            "BadMail with the last reply."),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "Correct the cause, then requeue the message from BadMail.")},
    {EventId::DispatchStopped, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Delivery stopped"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Delivery to the local mail server was stopped; retrieval goes on and mail collects in "
            "PickUp."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Start delivery again when the test is done.")},
    {EventId::DispatchStarted, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Delivery started"),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "Delivery to the local mail server was started again."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::MessageRequeued, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Message requeued"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "An administrator put a message back into the pipeline (Failed Mail to Incoming Mail, "
            "BadMail to PickUp)."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::MessageDeleted, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Message deleted"),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "An administrator deleted a message from the spool."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::MessageWrapped, Severity::Information, Category::Service, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Message sent as an attachment"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A message that could not be delivered as it is was attached to a new message for the "
            "undeliverable-mail mailbox."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::NoLocalRecipient, Severity::Warning, Category::Transfer, LogLevel::Medium,
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "No local recipient: sent to the undeliverable-mail mailbox"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "No recipient of the message matched the mailbox's accepted domains and routing rules "
            "(mail sent as Bcc, mailing lists, a former employee's address), or none of them was a "
            "valid address. It was delivered to the undeliverable-mail mailbox so that it stays "
            "visible; the text says why for each recipient."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "If such mail should reach someone, add a routing rule for the address.")},
    {EventId::NoRecipientFailed, Severity::Error, Category::Transfer, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Not delivered: no local recipient"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "No recipient of the message matched the routing rules and no undeliverable-mail "
            "mailbox is configured, so the message was put in Failed Mail."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Set undeliverable_mailbox, or add a routing rule, then requeue the message.")},
    {EventId::RecipientsNotRouted, Severity::Warning, Category::Transfer, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Some recipients not routed"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A message names recipients in the accepted domains that reach no local mailbox: no "
            "routing rule matches them, or the header's text is not a valid address (a line "
            "break, a control character or an angle bracket in it, which can be an attempt to add "
            "recipients of the sender's choosing). The message's other recipients received it; "
            "the undeliverable-mail mailbox received one copy for them when one is configured. "
            "The text names them, with any control characters shown as escapes."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "If mail for such an address should reach someone, add a routing rule for it. An "
            "address that is not valid is never delivered; nothing needs doing for it.")},
    {EventId::SenderReplaced, Severity::Warning, Category::Transfer, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Envelope sender replaced"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The message's Return-Path or From is not a valid address (a line break, a control "
            "character or an angle bracket in it, or no address at all), so it cannot be the "
            "sender given to the local mail server. The message was delivered with its From "
            "address when that is valid, else with the undeliverable-mail mailbox (without one, "
            "the null sender <>) as its sender; its header is unchanged."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do for the delivery. Reports about it go to the sender named in the text; "
            "replies still go to the addresses in the message's header.")},

    {EventId::ConfigurationInvalid, Severity::Error, Category::Configuration, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Configuration error"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A line of the configuration file has a value the connector cannot use."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Correct the key named in the text (see docs/configuration.md) and start again.")},
    {EventId::PasswordUnavailable, Severity::Error, Category::Configuration, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Password not available"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The mailbox password could not be read from the system keychain or password file."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Store the password again (in the manager, or with pop3connectord --set-password "
            "MAILBOX), and check that the keychain is unlocked for the connector's user.")},
    {EventId::PasswordFileInsecure, Severity::Error, Category::Configuration, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Password file readable by others"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The password file can be read by other users or is owned by another user, so the "
            "connector refuses to use it."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Run chmod 600 on the file and make the connector's user its owner.")},
    {EventId::PlainTextLogin, Severity::Warning, Category::Configuration, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Password sent without encryption"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The mailbox is configured with security none, so its password crosses the network in "
            "clear text."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Use security tls (port 995) or starttls if the provider offers it.")},
    {EventId::ControlClientRefused, Severity::Warning, Category::Service, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Control connection refused"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A local program connected to the service's control socket as a user who may not "
            "administer the service (only root, the service's own user and members of its "
            "administrators' group may). The text names the user and the process."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "If that user should administer the service, add it to the group (adduser USER "
            "pop3connector, then log in again); otherwise find out why it tried.")},
    {EventId::ControlClientDropped, Severity::Warning, Category::Service, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Slow control client disconnected"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A program subscribed to the service's notifications (the manager, pop3connectorctl "
            "events --follow) did not read them, and more were waiting for it than the service "
            "keeps for one client. The service closed its connection and went on with its work."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do for the mail. Connect the program again; if it happens often, the "
            "program or its machine is too busy to keep up.")},
    {EventId::ConfigurationChanged, Severity::Information, Category::Configuration,
        LogLevel::Minimum, QT_TRANSLATE_NOOP("Pop3Connector::Events", "Configuration changed"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "An administrator wrote a new configuration through the control channel; the service "
            "checked it, wrote the file and applies it. The text names the administrator."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do. If a setting the text names needs a restart, restart the service.")},
    {EventId::PasswordChanged, Severity::Information, Category::Configuration, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Password stored or removed"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "An administrator stored or removed the password of a mailbox or of the delivery "
            "login in the service's password store. The text names the administrator, never "
            "the password."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do. The next cycle logs in with the new password.")},

    {EventId::RetrievalStarted, Severity::Information, Category::Download, LogLevel::Maximum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Mailbox retrieval started"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "The connector began retrieving a mailbox."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::RetrievalFinished, Severity::Information, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Mailbox retrieval finished"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A mailbox was retrieved; the text counts the messages stored, deleted and left."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::MessageStored, Severity::Information, Category::Download, LogLevel::Maximum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Message stored"),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "A message was stored safely in the Incoming Mail folder."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::HostNotFound, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "POP3 server not found"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "The server name could not be resolved."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Check the server name in the mailbox settings and the machine's DNS settings.")},
    {EventId::ConnectionFailed, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Cannot connect to the POP3 server"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The connection was refused or the network could not reach the server."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Check the server name and port (995 for TLS, 110 for plain or STLS), the firewall, "
            "and that the provider's server is up.")},
    {EventId::CertificateUntrusted, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Server certificate not trusted"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server's TLS certificate is not valid for this host name, has expired, or is not "
            "signed by a trusted authority. Nothing was sent."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Check the server name. If the provider uses its own certificate, save it (or its CA) "
            "as a PEM file and set ca_file for the mailbox.")},
    {EventId::TlsFailed, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "TLS negotiation failed"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A secure connection could not be negotiated; often the port expects another kind of "
            "security."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Use port 995 with security tls, or port 110 with security starttls.")},
    {EventId::StartTlsUnavailable, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "STLS not available"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The mailbox requires STLS but the server did not offer it or refused it. The password "
            "was not sent."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Use security tls on port 995 if the provider supports it. Choose security none only "
            "if "
            "the provider offers no encryption at all and the network is trusted.")},
    {EventId::AuthenticationFailed, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Login failed"),
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "The server rejected the user name or password."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Check the user name and store the password again. Some providers require an "
            "application password or enabling POP3 access in their web settings.")},
    {EventId::MailboxBusy, Severity::Warning, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Mailbox busy; will retry"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server says the mailbox is in use by another client, or that logins are allowed "
            "only every few minutes. This is not a password problem."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do if it passes. If it repeats, stop other programs that read this mailbox "
            "or make the schedule interval longer than the server's login delay.")},
    {EventId::ServerTemporaryFailure, Severity::Warning, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Server temporarily unavailable"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server reported a temporary problem on its side (SYS/TEMP)."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do; the next cycle retries. If it lasts, contact the provider.")},
    {EventId::ServerPermanentFailure, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Server refuses the mailbox"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server reported a lasting problem with this mailbox (SYS/PERM), for example a "
            "locked account."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Contact the provider with the server's text.")},
    {EventId::ServerTimeout, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Server stopped answering"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server sent nothing, or less than 1 KB a second, for longer than the timeout "
            "while a reply was due. The connection was dropped; nothing was deleted that is not "
            "stored, and the other mailboxes were not held up."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Check the network. On a link slower than 1 KB a second, or to a server that "
            "thinks long before it answers, raise timeout_seconds.")},
    {EventId::ConnectionDropped, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Connection dropped"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The connection closed while a reply was due. Messages already stored stay stored and "
            "are deleted from the server on the next cycle; nothing is retrieved twice."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do if it passes. If it repeats, check the network and the provider.")},
    {EventId::ProtocolViolation, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Server reply not understood"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server sent something that is not a POP3 reply, sent data when it should not, or "
            "sent a reply beyond the connector's limits (a line longer than 8 KB, a CAPA reply "
            "longer than 64 KB, a listing of more than a million messages). The connection was "
            "dropped; nothing was deleted that is not stored."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Check that the port belongs to a POP3 server. Turn the log level to Maximum to see "
            "the "
            "conversation and send it to the provider.")},
    {EventId::MessageTooLarge, Severity::Warning, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Message left on server: too large"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "A message is larger than the mailbox's size limit (max_message_kb, 100 MB unless "
            "set), so it was left on the server and never deleted. A server that lists a message "
            "as smaller than it is is stopped at the limit while it sends; the connector "
            "remembers the message and does not download it again until the limit is raised. If "
            "the server goes on sending far beyond the limit, the connection is dropped and the "
            "mailbox's other messages follow on the next cycle."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Raise max_message_kb for the mailbox, or remove the message with the provider's "
            "webmail.")},
    {EventId::MessageUnavailable, Severity::Warning, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Message could not be retrieved"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server refused to send one message; the other messages were retrieved."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do if it passes; the message stays on the server and is tried again.")},
    {EventId::StorageFailed, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Cannot store mail"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Writing to the spool failed (disk full, no permission, or an I/O error). Retrieval "
            "stopped before deleting anything that is not stored; the mail stays on the server."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Free disk space or fix the spool folder's permissions; the next cycle continues.")},
    {EventId::ExpirePolicyConflict, Severity::Warning, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Server deletes mail sooner than configured"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The mailbox is set to leave mail on the server, but the server's EXPIRE policy "
            "deletes retrieved mail earlier."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Accept the provider's policy, or set delete_after_days no longer than the server's "
            "EXPIRE days.")},
    {EventId::NoUniqueIds, Severity::Information, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Server has no unique ids"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server does not support UIDL, so the connector recognises messages it has already "
            "stored by a digest of their header and size."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do. With leave_on_server the messages are downloaded again each cycle and "
            "discarded; prefer deleting them.")},
    {EventId::BacklogRemaining, Severity::Information, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Backlog continues next cycle"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The mailbox holds more new messages than max_messages_per_cycle; the rest are "
            "retrieved in the following cycles."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do. Raise max_messages_per_cycle to drain faster.")},
    {EventId::RetrievalCancelled, Severity::Warning, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Retrieval cancelled"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Retrieval was cancelled or the connector was stopped. Stored messages stay stored; "
            "the rest remain on the server."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do.")},
    {EventId::QuitNotConfirmed, Severity::Warning, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Deletion not confirmed by the server"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server did not confirm QUIT, so by RFC 1939 it deleted nothing. The messages are "
            "stored; the next cycle deletes them without retrieving them again."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Nothing to do if it passes.")},
    {EventId::QuitRefused, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Server refused to end the session"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server answered QUIT with an error, so by RFC 1939 it deleted nothing: often it "
            "could not update the mailbox. The messages are stored; the next cycle deletes them "
            "without retrieving them again, and until then they stay on the server."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Nothing to do if it passes. If it repeats, the server cannot delete mail: send the "
            "server's text in the event to the provider.")},
    {EventId::LoginDelayLongerThanInterval, Severity::Warning, Category::Download, LogLevel::Medium,
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Events", "Server allows logins less often than scheduled"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server announces a minimum time between logins (LOGIN-DELAY) longer than the "
            "schedule's interval, so some cycles will find the mailbox refused."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Make the interval at least as long as the server's login delay (the text gives "
            "both).")},
    {EventId::Pop3TransactionError, Severity::Error, Category::Download, LogLevel::Minimum,
        QT_TRANSLATE_NOOP("Pop3Connector::Events", "Error during the POP3 transaction"),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "The server answered a command with an error the connector cannot work around."),
        QT_TRANSLATE_NOOP("Pop3Connector::Events",
            "Read the server's text in the event. Turn the log level to Maximum to record the "
            "conversation.")},
};

} // namespace

Event Event::make(EventId id, const QString &text, const QString &mailbox, const QString &message)
{
    const EventDescription d = describe(id);
    Event e;
    e.id = id;
    e.time = QDateTime::currentDateTimeUtc();
    e.severity = d.severity;
    e.category = d.category;
    e.mailbox = mailbox;
    e.message = message;
    e.text = text;
    return e;
}

EventDescription describe(EventId id)
{
    for (const Row &r : kRows) {
        if (r.id == id)
            return {r.id, r.severity, r.category, r.level, t(r.title), t(r.cause), t(r.fix)};
    }
    Q_UNREACHABLE();
}

QList<EventId> allEventIds()
{
    QList<EventId> ids;
    for (const Row &r : kRows)
        ids.append(r.id);
    return ids;
}

QString displayName(Severity severity)
{
    switch (severity) {
    case Severity::Information:
        return QCoreApplication::translate("Pop3Connector::Events", "Information");
    case Severity::Warning:
        return QCoreApplication::translate("Pop3Connector::Events", "Warning");
    case Severity::Error:
        return QCoreApplication::translate("Pop3Connector::Events", "Error");
    }
    return {};
}

QString displayName(Category category)
{
    switch (category) {
    case Category::Download:
        return QCoreApplication::translate("Pop3Connector::Events", "Download");
    case Category::Transfer:
        return QCoreApplication::translate("Pop3Connector::Events", "Transfer");
    case Category::Delivery:
        return QCoreApplication::translate("Pop3Connector::Events", "Delivery");
    case Category::Service:
        return QCoreApplication::translate("Pop3Connector::Events", "Service");
    case Category::Configuration:
        return QCoreApplication::translate("Pop3Connector::Events", "Configuration");
    case Category::Diagnostics:
        return QCoreApplication::translate("Pop3Connector::Events", "Diagnostics");
    }
    return {};
}

QString settingValue(LogLevel level)
{
    switch (level) {
    case LogLevel::None:
        return QStringLiteral("none");
    case LogLevel::Minimum:
        return QStringLiteral("minimum");
    case LogLevel::Medium:
        return QStringLiteral("medium");
    case LogLevel::Maximum:
        return QStringLiteral("maximum");
    }
    return {};
}

std::optional<LogLevel> logLevelFromString(const QString &text)
{
    const QString s = text.trimmed().toLower();
    for (LogLevel l : {LogLevel::None, LogLevel::Minimum, LogLevel::Medium, LogLevel::Maximum}) {
        if (s == settingValue(l))
            return l;
    }
    return std::nullopt;
}

} // namespace Pop3Connector

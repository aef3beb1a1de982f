#include "diagnosis/deliverychecks.h"

#include <QSet>

namespace Pop3Connector {

namespace {

// The context lupdate gives the QT_TR_NOOP strings of DeliveryChecks's functions, as it gave their
// tr().
constexpr char kContext[] = "Pop3Connector::DeliveryChecks";

QString protocolName(Transport t)
{
    return t == Transport::Lmtp ? QStringLiteral("LMTP") : QStringLiteral("SMTP");
}

} // namespace

bool DeliveryChecks::isQuotaReply(const SmtpReply &reply)
{
    if (reply.code == 452 || reply.code == 552)
        return true;
    const QByteArray text = reply.text();
    return text.contains(" 4.2.2 ") || text.contains(" 5.2.2 ") || text.startsWith("4.2.2 ")
        || text.startsWith("5.2.2 ");
}

QList<DeliveryFacts::Recipient> DeliveryChecks::recipientsOf(
    const Configuration &c, QStringList *skipped)
{
    QList<DeliveryFacts::Recipient> out;
    QSet<QString> seen;
    const auto add = [&](const QString &address, const Phrase &role) {
        if (address.isEmpty() || seen.contains(address.toLower()))
            return;
        if (address.startsWith(u'*')) {
            skipped->append(address);
            return;
        }
        seen.insert(address.toLower());
        out.append({address, role, std::nullopt});
    };
    for (const MailboxSettings &m : c.mailboxes) {
        if (!m.enabled)
            continue;
        if (m.type == MailboxType::User)
            add(m.localMailbox,
                Phrase(kContext, QT_TR_NOOP("the local mailbox of %1")).arg(m.name));
        for (const RoutingRule &r : m.rules)
            add(r.target, Phrase(kContext, QT_TR_NOOP("a rule of %1 (%2)")).arg(m.name, r.pattern));
    }
    add(c.connector.undeliverableMailbox,
        Phrase(kContext, QT_TR_NOOP("the undeliverable mailbox")));
    return out;
}

QList<Finding> DeliveryChecks::evaluate(const DeliveryFacts &f)
{
    QList<Finding> out;
    using Step = DeliveryFacts::Step;
    const QString where = QStringLiteral("%1:%2").arg(f.host).arg(f.port);
    const QString proto = protocolName(f.transport);

    if (f.undeliverable.isEmpty()) {
        out.append({QStringLiteral("delivery.undeliverable"), Verdict::Warning,
            Phrase(kContext, QT_TR_NOOP("No undeliverable mailbox is set")), {},
            Phrase(kContext,
                QT_TR_NOOP(
                    "Set undeliverable_mailbox in [connector]: mail for an unknown recipient then "
                    "reaches a person instead of waiting in BadMail."))});
    } else {
        out.append({QStringLiteral("delivery.undeliverable"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("Undeliverable mail goes to %1")).arg(f.undeliverable), {},
            {}});
    }

    if (f.stoppedAt == Step::Connect) {
        const bool refused = f.sessionError == SessionError::ConnectionRefused;
        out.append({QStringLiteral("delivery.connect"), Verdict::Fail,
            refused
                ? Phrase(kContext, QT_TR_NOOP("The local mail server refused the connection on %1"))
                      .arg(where)
                : Phrase(kContext, QT_TR_NOOP("The local mail server cannot be reached on %1"))
                      .arg(where),
            f.failure,
            Phrase(kContext,
                QT_TR_NOOP(
                    "Start the local mail server, or check host, port and transport in [delivery] "
                    "(%1 on port %2). Mail waits in PickUp meanwhile."))
                .arg(proto)
                .arg(f.port)});
        return out;
    }
    out.append({QStringLiteral("delivery.connect"), Verdict::Pass,
        Phrase(kContext, QT_TR_NOOP("Connected to the local mail server on %1")).arg(where),
        QString::fromUtf8(f.greeting), {}});
    if (f.stoppedAt == Step::Greeting) {
        out.append({QStringLiteral("delivery.hello"), Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The local mail server did not greet")), f.failure,
            Phrase(kContext,
                QT_TR_NOOP("Look at the local mail server's log: it refuses connections from this "
                           "host."))});
        return out;
    }
    const QString hello =
        f.transport == Transport::Lmtp ? QStringLiteral("LHLO") : QStringLiteral("EHLO");
    if (f.stoppedAt == Step::Hello) {
        out.append({QStringLiteral("delivery.hello"), Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The local mail server refused %1")).arg(hello), f.failure,
            f.transport == Transport::Lmtp ? Phrase(kContext,
                QT_TR_NOOP(
                    "The server does not speak LMTP on this port: check transport and port."))
                                           : Phrase(kContext,
                                               QT_TR_NOOP("The server does not speak SMTP on this "
                                                          "port: check transport and port."))});
        return out;
    }
    out.append({QStringLiteral("delivery.hello"), Verdict::Pass,
        Phrase(kContext, QT_TR_NOOP("The local mail server answers %1")).arg(hello), {}, {}});

    if (f.security == DeliverySecurity::StartTls) {
        if (f.stoppedAt == Step::StartTls) {
            out.append({QStringLiteral("delivery.starttls"), Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("STARTTLS failed")), f.failure,
                f.extensions.startTls
                    ? Phrase(kContext,
                        QT_TR_NOOP(
                            "Check the local server's certificate, or name its CA in [delivery] "
                            "ca_file."))
                    : Phrase(kContext,
                        QT_TR_NOOP(
                            "The local server does not offer STARTTLS: enable TLS there, or set "
                            "security = none for a server on this machine."))});
            return out;
        }
        out.append({QStringLiteral("delivery.starttls"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("STARTTLS")), {}, {}});
    }
    if (!f.user.isEmpty()) {
        if (f.stoppedAt == Step::Auth) {
            out.append({QStringLiteral("delivery.auth"), Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("The local mail server refused the login of %1"))
                    .arg(f.user),
                f.failure,
                Phrase(kContext,
                    QT_TR_NOOP("Check user and password in [delivery]; store the password with "
                               "pop3connectorctl set-password delivery."))});
            return out;
        }
        out.append({QStringLiteral("delivery.auth"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("Logged in as %1")).arg(f.user), {}, {}});
    }
    if (f.stoppedAt == Step::Mail) {
        out.append({QStringLiteral("delivery.recipient"), Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The local mail server refused MAIL FROM")), f.failure,
            Phrase(kContext,
                QT_TR_NOOP(
                    "Look at the local mail server's log; it must accept mail with an empty sender "
                    "(<>) from this host."))});
        return out;
    }
    for (const DeliveryFacts::Recipient &r : f.recipients) {
        const QString id = QStringLiteral("delivery.recipient");
        // Nothing to translate in the joining phrase: every language reads it as it is.
        const Phrase title = Phrase(kContext, "%1 (%2)").arg(r.address, r.role);
        if (!r.reply) {
            out.append({id, Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("%1 could not be checked")).arg(title), f.failure,
                Phrase(
                    kContext, QT_TR_NOOP("The connection ended first; see the failure above."))});
        } else if (r.reply->isPositive()) {
            out.append(
                {id, Verdict::Pass, Phrase(kContext, QT_TR_NOOP("%1 is accepted")).arg(title),
                    QString::fromUtf8(r.reply->text()), {}});
        } else if (isQuotaReply(*r.reply)) {
            out.append({id, Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("The mailbox %1 is full")).arg(title),
                QString::fromUtf8(r.reply->text()),
                Phrase(kContext,
                    QT_TR_NOOP(
                        "A quota problem at the local mail server: empty the mailbox or raise its "
                        "quota. Mail for it waits in PickUp (and goes to Failed Mail if it "
                        "lasts)."))});
        } else if (r.reply->isTransient()) {
            out.append({id, Verdict::Warning,
                Phrase(kContext, QT_TR_NOOP("%1 is deferred")).arg(title),
                QString::fromUtf8(r.reply->text()),
                Phrase(kContext,
                    QT_TR_NOOP(
                        "The local mail server cannot take mail for it right now; see its log."))});
        } else {
            out.append(
                {id, Verdict::Fail, Phrase(kContext, QT_TR_NOOP("%1 is rejected")).arg(title),
                    QString::fromUtf8(r.reply->text()),
                    Phrase(kContext,
                        QT_TR_NOOP("Create the mailbox at the local mail server, or correct the "
                                   "address in the "
                                   "configuration; mail for it goes to Failed Mail."))});
        }
    }
    for (const QString &pattern : f.skipped)
        out.append({QStringLiteral("delivery.recipient"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("%1 is a pattern; it is checked as mail arrives"))
                .arg(pattern),
            {}, {}});
    return out;
}

} // namespace Pop3Connector

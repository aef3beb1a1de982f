#include "diagnosis/mailboxchecks.h"

#include "events/event.h"

namespace Pop3Connector {

namespace {

// The context lupdate gives the QT_TR_NOOP strings of MailboxChecks's functions, as it gave their
// tr().
constexpr char kContext[] = "Pop3Connector::MailboxChecks";

enum class Step { Greeting, Capa, Tls, Login, Stat };

Finding pass(const char *id, const Phrase &title, const Phrase &evidence)
{
    return {QLatin1String(id), Verdict::Pass, title, evidence, {}};
}

Finding fail(const char *id, const Phrase &title, const Phrase &evidence, const Phrase &fix)
{
    return {QLatin1String(id), Verdict::Fail, title, evidence, fix};
}

QByteArray commandWord(const QByteArray &line)
{
    const qsizetype space = line.indexOf(' ');
    return (space < 0 ? line : line.left(space)).toUpper();
}

// The step a client command belongs to; SASL answers and other lines belong to none.
std::optional<Step> stepOf(const QByteArray &word)
{
    if (word == "CAPA")
        return Step::Capa;
    if (word == "STLS")
        return Step::Tls;
    if (word == "USER" || word == "PASS" || word == "APOP" || word == "AUTH")
        return Step::Login;
    if (word == "STAT" || word == "QUIT")
        return Step::Stat;
    return std::nullopt;
}

// Where the connection test stopped: by what failed, else by the last command it sent.
Step failedStep(const RetrievalReport &report, const QList<MailboxFacts::Line> &transcript)
{
    switch (report.failureId) {
    case EventId::AuthenticationFailed:
        return Step::Login;
    case EventId::CertificateUntrusted:
    case EventId::TlsFailed:
    case EventId::StartTlsUnavailable:
        return Step::Tls;
    default:
        break;
    }
    Step step = Step::Greeting;
    for (const MailboxFacts::Line &l : transcript) {
        if (l.direction == TranscriptDirection::Client) {
            if (const auto s = stepOf(commandWord(l.text)))
                step = *s;
        }
    }
    return step;
}

// The server's first line after the client's `command`, if any.
QByteArray replyTo(const QList<MailboxFacts::Line> &transcript, QByteArrayView command)
{
    bool sent = false;
    for (const MailboxFacts::Line &l : transcript) {
        if (l.direction == TranscriptDirection::Client)
            sent = commandWord(l.text) == command;
        else if (sent && l.direction == TranscriptDirection::Server)
            return l.text;
    }
    return {};
}

QByteArray firstServerLine(const QList<MailboxFacts::Line> &transcript)
{
    for (const MailboxFacts::Line &l : transcript) {
        if (l.direction == TranscriptDirection::Server)
            return l.text;
    }
    return {};
}

// The capabilities listed after CAPA's +OK, one word each.
QStringList capabilities(const QList<MailboxFacts::Line> &transcript)
{
    QStringList caps;
    bool inList = false;
    for (const MailboxFacts::Line &l : transcript) {
        if (l.direction == TranscriptDirection::Client) {
            inList = false;
            if (commandWord(l.text) == "CAPA")
                inList = true, caps.clear();
        } else if (inList && l.direction == TranscriptDirection::Server) {
            if (l.text.startsWith("+OK"))
                continue;
            if (l.text == ".")
                inList = false;
            else
                caps.append(QString::fromUtf8(commandWord(l.text)));
        }
    }
    return caps;
}

QString loginMechanism(const QList<MailboxFacts::Line> &transcript)
{
    QString mechanism;
    for (const MailboxFacts::Line &l : transcript) {
        if (l.direction != TranscriptDirection::Client)
            continue;
        const QByteArray word = commandWord(l.text);
        if (word == "USER")
            mechanism = QStringLiteral("USER/PASS");
        else if (word == "APOP")
            mechanism = QStringLiteral("APOP");
        else if (word == "AUTH")
            mechanism =
                QStringLiteral("AUTH ") + QString::fromUtf8(l.text.mid(5).split(' ').value(0));
    }
    return mechanism;
}

} // namespace

QStringList MailboxChecks::transcriptLines(const QList<MailboxFacts::Line> &lines)
{
    QStringList out;
    for (const MailboxFacts::Line &l : lines) {
        const char *prefix = l.direction == TranscriptDirection::Client ? "C: "
            : l.direction == TranscriptDirection::Server                ? "S: "
                                                                        : "* ";
        out.append(QLatin1String(prefix) + QString::fromUtf8(l.text));
    }
    return out;
}

Finding MailboxChecks::certificate(
    const CertificateFacts &c, const QString &host, const QDateTime &now)
{
    const Phrase evidence =
        Phrase(kContext, QT_TR_NOOP("issued to %1 by %2, valid from %3 until %4"))
            .arg(c.subject, c.issuer, c.notBefore.toString(Qt::ISODate),
                c.notAfter.toString(Qt::ISODate));
    const auto problem = [&](const Phrase &title, const Phrase &fix) {
        // The TLS library's words on a line of their own, as it gave them. The joining phrase
        // has nothing to translate, so no catalogue holds it and every language reads it as it is.
        const Phrase e = c.problems.isEmpty()
            ? evidence
            : Phrase(kContext, "%1\n%2").arg(evidence, c.problems.join(QStringLiteral("; ")));
        return fail("mailbox.certificate", title, e, fix);
    };
    if (c.notAfter.isValid() && c.notAfter < now) {
        return problem(Phrase(kContext, QT_TR_NOOP("The server's certificate expired on %1"))
                           .arg(c.notAfter.toString(Qt::ISODate)),
            Phrase(kContext,
                QT_TR_NOOP(
                    "Ask the provider to renew the certificate of %1. Until then no mail can be "
                    "retrieved securely."))
                .arg(host));
    }
    if (c.notBefore.isValid() && c.notBefore > now) {
        return problem(Phrase(kContext, QT_TR_NOOP("The server's certificate is not valid yet")),
            Phrase(kContext,
                QT_TR_NOOP(
                    "Check this computer's clock and time zone; if they are right, the certificate "
                    "of %1 was issued for the future."))
                .arg(host));
    }
    if (!c.nameMatches) {
        return problem(
            Phrase(kContext, QT_TR_NOOP("The server's certificate is not for %1")).arg(host),
            Phrase(kContext,
                QT_TR_NOOP("Use the host name the provider's certificate names (the name in "
                           "\"issued to\"), "
                           "not an address or an alias.")));
    }
    if (!c.trusted) {
        return problem(Phrase(kContext, QT_TR_NOOP("The server's certificate is not trusted")),
            Phrase(kContext,
                QT_TR_NOOP(
                    "If the provider uses its own certificate authority, save its certificate as a "
                    "PEM file and name it in ca_file; otherwise ask the provider to fix the "
                    "chain.")));
    }
    const qint64 daysLeft = now.daysTo(c.notAfter);
    if (daysLeft <= kCertificateWarningDays) {
        return {QStringLiteral("mailbox.certificate"), Verdict::Warning,
            Phrase(kContext, QT_TR_N_NOOP("The server's certificate expires in %n day(s)"),
                int(daysLeft)),
            evidence,
            Phrase(kContext,
                QT_TR_NOOP("Ask the provider of %1 to renew the certificate before it expires; "
                           "afterwards no "
                           "mail can be retrieved securely."))
                .arg(host)};
    }
    return pass("mailbox.certificate",
        Phrase(kContext, QT_TR_N_NOOP("The server's certificate is valid for %n more day(s)"),
            int(daysLeft)),
        evidence);
}

QList<Finding> MailboxChecks::evaluate(const MailboxFacts &f, const QDateTime &now)
{
    QList<Finding> out;
    if (!f.resolved) {
        out.append(fail("mailbox.dns",
            Phrase(kContext, QT_TR_NOOP("The name %1 cannot be resolved")).arg(f.host),
            f.resolveError,
            Phrase(kContext,
                QT_TR_NOOP(
                    "Check the spelling of the host, and that this computer's DNS server answers "
                    "(try: getent hosts %1)."))
                .arg(f.host)));
        return out;
    }
    out.append(pass("mailbox.dns", Phrase(kContext, QT_TR_NOOP("%1 resolves")).arg(f.host),
        f.addresses.join(QStringLiteral(", "))));

    const QString where = QStringLiteral("%1:%2").arg(f.host).arg(f.port);
    switch (f.connect) {
    case MailboxFacts::Connect::NotTried:
        return out;
    case MailboxFacts::Connect::Connected:
        out.append(pass("mailbox.connect",
            Phrase(kContext, QT_TR_NOOP("TCP connection to %1")).arg(where), {}));
        break;
    case MailboxFacts::Connect::Refused:
        out.append(fail("mailbox.connect",
            Phrase(kContext, QT_TR_NOOP("%1 refused the connection")).arg(where), f.connectError,
            Phrase(kContext,
                QT_TR_NOOP(
                    "Nothing listens on port %1 there: check the port (995 for POP3 over TLS, 110 "
                    "for POP3 with STLS or none) and that the server is running."))
                .arg(f.port)));
        return out;
    case MailboxFacts::Connect::TimedOut:
        out.append(fail("mailbox.connect",
            Phrase(kContext, QT_TR_N_NOOP("%1 did not answer within %n second(s)"),
                f.connectTimeoutMs / 1000)
                .arg(where),
            f.connectError,
            Phrase(kContext,
                QT_TR_NOOP(
                    "A firewall drops the connection, here or at the provider: allow outgoing "
                    "connections to port %1, or check the host name."))
                .arg(f.port)));
        return out;
    case MailboxFacts::Connect::Unreachable:
        out.append(fail("mailbox.connect",
            Phrase(kContext, QT_TR_NOOP("%1 cannot be reached")).arg(where), f.connectError,
            Phrase(
                kContext, QT_TR_NOOP("Check this computer's network connection and routing to %1."))
                .arg(f.host)));
        return out;
    }

    if (f.security != Pop3Security::None) {
        if (f.certificate) {
            out.append(pass("mailbox.tls", Phrase(kContext, QT_TR_NOOP("TLS handshake")), {}));
            const Finding c = certificate(*f.certificate, f.host, now);
            out.append(c);
            if (c.verdict == Verdict::Fail)
                return out;
        } else if (!f.tlsError.isEmpty()) {
            out.append(fail("mailbox.tls",
                Phrase(kContext, QT_TR_NOOP("TLS could not be negotiated with %1")).arg(where),
                f.tlsError,
                fixPhrase(f.stlsRefused ? EventId::StartTlsUnavailable : EventId::TlsFailed)));
            return out;
        }
    }
    if (f.test)
        popSteps(f, out);
    return out;
}

void MailboxChecks::popSteps(const MailboxFacts &f, QList<Finding> &out)
{
    const RetrievalReport &r = *f.test;
    const bool ok = r.outcome == RetrievalReport::Outcome::Succeeded;
    const Step stopped = ok ? Step(int(Step::Stat) + 1) : failedStep(r, f.transcript);
    const auto failHere = [&](const char *id, const Phrase &title) {
        out.append(fail(id, title, r.failure.isEmpty() ? Phrase(r.failureText) : r.failure,
            fixPhrase(r.failureId)));
    };

    if (stopped == Step::Greeting)
        return failHere(
            "mailbox.greeting", Phrase(kContext, QT_TR_NOOP("The server did not greet")));
    out.append(pass("mailbox.greeting", Phrase(kContext, QT_TR_NOOP("Greeting")),
        QString::fromUtf8(firstServerLine(f.transcript))));

    if (stopped == Step::Capa)
        return failHere("mailbox.capa", Phrase(kContext, QT_TR_NOOP("CAPA was not answered")));
    const QByteArray capa = replyTo(f.transcript, "CAPA");
    if (capa.startsWith("-ERR")) {
        out.append(pass("mailbox.capa",
            Phrase(kContext, QT_TR_NOOP("The server lists no capabilities (CAPA)")),
            QString::fromUtf8(capa)));
    } else {
        out.append(pass("mailbox.capa", Phrase(kContext, QT_TR_NOOP("Capabilities")),
            capabilities(f.transcript).join(QStringLiteral(" "))));
    }

    if (stopped == Step::Tls)
        return failHere("mailbox.tls", Phrase(kContext, QT_TR_NOOP("TLS could not be negotiated")));
    if (stopped == Step::Login)
        return failHere("mailbox.login", Phrase(kContext, QT_TR_NOOP("Login failed")));
    out.append(pass("mailbox.login", Phrase(kContext, QT_TR_NOOP("Logged in")),
        Phrase(kContext, QT_TR_NOOP("with %1")).arg(loginMechanism(f.transcript))));

    if (stopped == Step::Stat)
        return failHere("mailbox.stat", Phrase(kContext, QT_TR_NOOP("STAT was not answered")));
    if (r.onServer == 0) {
        out.append({QStringLiteral("mailbox.stat"), Verdict::Warning,
            Phrase(kContext, QT_TR_NOOP("The mailbox is empty (+OK 0 0)")),
            QString::fromUtf8(replyTo(f.transcript, "STAT")),
            Phrase(kContext,
                QT_TR_NOOP(
                    "Fine if no mail has arrived yet. If mail is expected: the user name may name "
                    "another account; another mail client, or a second mailbox entry on the same "
                    "account, may be fetching and deleting the mail first (look for \"leave mail "
                    "on "
                    "server\" being off elsewhere); or the provider routes the mail to another "
                    "mailbox."))});
        return;
    }
    out.append(
        pass("mailbox.stat", Phrase(kContext, QT_TR_N_NOOP("%n message(s) waiting"), r.onServer),
            Phrase(kContext, QT_TR_NOOP("%1 bytes")).arg(r.octetsOnServer)));
}

} // namespace Pop3Connector

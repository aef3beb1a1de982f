#pragma once

#include "config/configuration.h"
#include "diagnosis/diagnosis.h"
#include "events/reports.h"
#include "events/transcript.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace Pop3Connector {

// What the troubleshooter saw of a mailbox's server, step by step, before judging it: the name
// lookup, the TCP connection and the certificate from a probe of its own, the POP3 steps from
// the connection test (ConnectionTest) and its transcript.
struct CertificateFacts
{
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    bool nameMatches = true;
    bool trusted = true; // the chain leads to a trusted CA (the system's or the ca_file)
    QStringList problems; // the TLS library's words for each error
};

struct MailboxFacts
{
    enum class Connect { NotTried, Connected, Refused, TimedOut, Unreachable };
    struct Line
    {
        TranscriptDirection direction;
        QByteArray text;
    };

    QString host;
    quint16 port = 0;
    Pop3Security security = Pop3Security::Tls;
    AuthMethod auth = AuthMethod::Automatic;

    bool resolved = false;
    QStringList addresses;
    QString resolveError;

    Connect connect = Connect::NotTried;
    QString connectError;
    int connectTimeoutMs = 0;

    // TLS: the server's certificate when a handshake completed, else what stopped it.
    std::optional<CertificateFacts> certificate;
    QString tlsError;
    bool stlsRefused = false; // the server answered STLS with -ERR: TLS never began

    std::optional<RetrievalReport> test; // absent when the steps before it failed
    QList<Line> transcript;
};

// The findings of a mailbox, in the order of its steps: mailbox.dns, mailbox.connect,
// mailbox.tls, mailbox.certificate, mailbox.greeting, mailbox.capa, mailbox.login,
// mailbox.stat. A step after a failed one is not judged. Pure: tested with tables.
class MailboxChecks
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::MailboxChecks)

public:
    // A certificate expiring within this many days is a warning.
    static constexpr int kCertificateWarningDays = 14;

    static QList<Finding> evaluate(const MailboxFacts &facts, const QDateTime &now);
    // mailbox.certificate: expired, not yet valid, another name, untrusted, or expiring soon.
    static Finding certificate(
        const CertificateFacts &c, const QString &host, const QDateTime &now);
    // The transcript as the report shows it: "C: ", "S: ", "* " lines.
    static QStringList transcriptLines(const QList<MailboxFacts::Line> &lines);

private:
    static void popSteps(const MailboxFacts &facts, QList<Finding> &out);
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::MailboxFacts)

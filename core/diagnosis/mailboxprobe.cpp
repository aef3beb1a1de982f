#include "diagnosis/mailboxprobe.h"

#include "diagnosis/connectiontest.h"
#include "protocol/channel.h"

#include <QHostInfo>
#include <QSslConfiguration>
#include <QSslSocket>

namespace Pop3Connector {

namespace {

// The TLS library's errors that say the chain is not trusted, as against expired or misnamed.
bool isTrustError(QSslError::SslError e)
{
    switch (e) {
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid:
    case QSslError::HostNameMismatch:
        return false;
    default:
        return true;
    }
}

QString names(const QStringList &parts)
{
    return parts.join(QStringLiteral(", "));
}

} // namespace

MailboxProbe::MailboxProbe(const MailboxSettings &mailbox, std::optional<QByteArray> password,
    int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_mailbox(mailbox)
    , m_password(std::move(password))
    , m_timeoutMs(timeoutMs)
{
    m_facts.host = mailbox.host;
    m_facts.port = mailbox.port;
    m_facts.security = mailbox.security;
    m_facts.auth = mailbox.auth;
    m_facts.connectTimeoutMs = timeoutMs;
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeoutMs);
}

MailboxProbe::~MailboxProbe()
{
    if (m_test)
        m_test->cancel();
}

void MailboxProbe::start()
{
    QHostInfo::lookupHost(m_mailbox.host, this, &MailboxProbe::onResolved);
}

void MailboxProbe::onResolved(const QHostInfo &info)
{
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        m_facts.resolveError = info.errorString();
        return done();
    }
    m_facts.resolved = true;
    for (const QHostAddress &a : info.addresses())
        m_facts.addresses.append(a.toString());
    connectTcp();
}

// The first connection is plain TCP for every mailbox, so that "refused" and "no answer" are
// told apart from TLS problems.
void MailboxProbe::connectTcp()
{
    auto *socket = new QTcpSocket(this);
    connect(&m_timer, &QTimer::timeout, socket, [this, socket] {
        m_facts.connect = MailboxFacts::Connect::TimedOut;
        socket->abort();
        socket->deleteLater();
        done();
    });
    connect(socket, &QTcpSocket::connected, this, [this, socket] {
        m_timer.stop();
        m_timer.disconnect(socket);
        m_facts.connect = MailboxFacts::Connect::Connected;
        socket->abort();
        socket->deleteLater();
        if (m_mailbox.security == Pop3Security::None)
            runTest();
        else
            inspectTls();
    });
    connect(
        socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError e) {
            m_timer.stop();
            m_timer.disconnect(socket);
            m_facts.connect = e == QAbstractSocket::ConnectionRefusedError
                ? MailboxFacts::Connect::Refused
                : e == QAbstractSocket::SocketTimeoutError ? MailboxFacts::Connect::TimedOut
                                                           : MailboxFacts::Connect::Unreachable;
            m_facts.connectError = socket->errorString();
            socket->deleteLater();
            done();
        });
    m_timer.start();
    socket->connectToHost(m_mailbox.host, m_mailbox.port);
}

void MailboxProbe::inspectTls()
{
    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(
        SocketChannel::tlsConfiguration(TlsTrust {m_mailbox.caFile, m_mailbox.caPinned}));
    m_socket->setPeerVerifyName(m_mailbox.host);
    // The errors are recorded, then ignored so that the handshake completes and the certificate
    // can be read; this socket sends nothing after it.
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // A pinned certificate is trusted as the retrieval trusts it, and is no problem.
        if (m_mailbox.caPinned && !m_mailbox.caFile.isEmpty()
            && SocketChannel::pinCovers(QSslCertificate::fromPath(m_mailbox.caFile, QSsl::Pem),
                m_socket->peerCertificate(), errors)) {
            m_pinHeld = true;
            m_socket->ignoreSslErrors();
            return;
        }
        for (const QSslError &e : errors) {
            m_sslErrors.append(e.errorString());
            if (e.error() == QSslError::HostNameMismatch)
                m_facts.certificate.emplace().nameMatches = false;
        }
        m_socket->ignoreSslErrors();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        const QSslCertificate cert = m_socket->peerCertificate();
        CertificateFacts c = m_facts.certificate.value_or(CertificateFacts {});
        c.subject = names(cert.subjectInfo(QSslCertificate::CommonName));
        c.issuer = names(cert.issuerInfo(QSslCertificate::CommonName)
            + cert.issuerInfo(QSslCertificate::Organization));
        c.notBefore = cert.effectiveDate();
        c.notAfter = cert.expiryDate();
        c.problems = m_sslErrors;
        for (const QSslError &e : m_socket->sslHandshakeErrors()) {
            if (isTrustError(e.error()) && !m_pinHeld)
                c.trusted = false;
        }
        m_facts.certificate = c;
        tlsDone({});
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this] {
        if (!m_socket->isEncrypted())
            tlsDone(m_socket->errorString());
    });
    connect(m_socket, &QSslSocket::readyRead, this, &MailboxProbe::onTlsReadable);
    connect(&m_timer, &QTimer::timeout, m_socket,
        [this] { tlsDone(tr("no answer within %n second(s)", nullptr, m_timeoutMs / 1000)); });
    m_timer.start();
    if (m_mailbox.security == Pop3Security::Tls)
        m_socket->connectToHostEncrypted(m_mailbox.host, m_mailbox.port, m_mailbox.host);
    else
        m_socket->connectToHost(m_mailbox.host, m_mailbox.port);
}

// RFC 2595 §4: the greeting, STLS, its +OK, then the handshake. Only to reach the certificate;
// the connection test speaks POP3.
void MailboxProbe::onTlsReadable()
{
    if (m_socket->isEncrypted() || m_socket->mode() != QSslSocket::UnencryptedMode)
        return;
    m_input += m_socket->readAll();
    const qsizetype end = m_input.indexOf('\n');
    if (end < 0)
        return;
    const QByteArray line = m_input.left(end).trimmed();
    m_input.clear();
    if (!m_stlsSent) {
        m_stlsSent = true;
        m_socket->write("STLS\r\n");
    } else if (line.startsWith("+OK")) {
        m_socket->startClientEncryption();
    } else {
        m_facts.stlsRefused = true;
        tlsDone(tr("the server refused STLS: %1").arg(QString::fromUtf8(line.left(120))));
    }
}

void MailboxProbe::tlsDone(const QString &error)
{
    if (!m_socket)
        return;
    m_timer.stop();
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    if (!error.isEmpty()) {
        m_facts.certificate.reset();
        m_facts.tlsError = error;
        return done();
    }
    // A certificate the connection would refuse: the test could only fail at the same place.
    if (!m_sslErrors.isEmpty())
        return done();
    runTest();
}

void MailboxProbe::runTest()
{
    if (!m_password)
        return done();
    m_test = new ConnectionTest(m_mailbox, *m_password, m_timeoutMs, this);
    connect(m_test, &ConnectionTest::transcriptLine, this,
        [this](TranscriptDirection direction, const QByteArray &line) {
            constexpr int kMaxLines = 400;
            if (m_facts.transcript.size() < kMaxLines)
                m_facts.transcript.append({direction, line});
        });
    connect(m_test, &ConnectionTest::finished, this, [this](const RetrievalReport &report) {
        m_facts.test = report;
        m_test->deleteLater();
        m_test = nullptr;
        done();
    });
    m_test->start();
}

void MailboxProbe::done()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(m_facts);
}

} // namespace Pop3Connector

#include "protocol/channel.h"

#include <QFile>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>

namespace Pop3Connector {

namespace {

// Large socket buffers matter for bulk retrieval: the server can keep streaming while the
// connector is writing to disk. The Qt-side read buffer is bounded so memory stays flat.
constexpr qint64 kReadBufferBytes = 1024 * 1024;
constexpr int kSocketBufferBytes = 4 * 1024 * 1024;

} // namespace

ChannelError channelErrorFor(QAbstractSocket::SocketError error, bool certificateRefused)
{
    // In the order they can happen: the name lookup, connecting, the handshake, any time later.
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        return ChannelError::HostNotFound;
    case QAbstractSocket::ConnectionRefusedError:
        return ChannelError::ConnectionRefused;
    case QAbstractSocket::SslHandshakeFailedError:
        return certificateRefused ? ChannelError::TlsCertificate : ChannelError::TlsHandshake;
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return ChannelError::TlsHandshake;
    case QAbstractSocket::RemoteHostClosedError:
        return ChannelError::RemoteClosed;
    default:
        return ChannelError::Network;
    }
}

SocketChannel::SocketChannel(const TlsTrust &trust, QObject *parent)
    : Channel(parent)
    , m_socket(new QSslSocket(this))
    , m_trust(trust)
{
    m_socket->setReadBufferSize(kReadBufferBytes);
    connect(m_socket, &QSslSocket::connected, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->setSocketOption(
            QAbstractSocket::ReceiveBufferSizeSocketOption, kSocketBufferBytes);
        if (m_socket->mode() == QSslSocket::UnencryptedMode)
            Q_EMIT connected();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        // With implicit TLS the channel is usable only now.
        Q_EMIT encrypted();
    });
    connect(m_socket, &QSslSocket::readyRead, this, &Channel::readyRead);
    connect(m_socket, &QSslSocket::bytesWritten, this, &Channel::bytesWritten);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SocketChannel::onErrorOccurred);
    connect(m_socket, &QSslSocket::sslErrors, this, &SocketChannel::onSslErrors);
}

SocketChannel::~SocketChannel() = default;

QString SocketChannel::checkCaFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("cannot read %1: %2").arg(path, file.errorString());
    const QList<QSslCertificate> certs = QSslCertificate::fromDevice(&file, QSsl::Pem);
    if (certs.isEmpty())
        return tr("%1 holds no PEM certificate").arg(path);
    return {};
}

QSslConfiguration SocketChannel::tlsConfiguration(const TlsTrust &trust)
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    conf.setProtocol(QSsl::SecureProtocols);
    if (!trust.caFile.isEmpty()) {
        // A pin replaces the system's authorities: only the pinned certificate is accepted.
        QList<QSslCertificate> cas =
            trust.pinned ? QList<QSslCertificate>() : conf.caCertificates();
        cas += QSslCertificate::fromPath(trust.caFile, QSsl::Pem);
        conf.setCaCertificates(cas);
    }
    return conf;
}

void SocketChannel::applyTlsConfiguration()
{
    m_socket->setSslConfiguration(tlsConfiguration(m_trust));
    m_socket->setPeerVerifyName(m_host);
}

void SocketChannel::connectToHost(const QString &host, quint16 port, bool implicitTls)
{
    m_host = host;
    m_reportedFailure = false;
    if (implicitTls) {
        applyTlsConfiguration();
        // connected() is not forwarded for TLS: the session starts at encrypted().
        connect(
            m_socket, &QSslSocket::encrypted, this, &Channel::connected, Qt::SingleShotConnection);
        m_socket->connectToHostEncrypted(host, port, host);
    } else {
        m_socket->connectToHost(host, port);
    }
}

void SocketChannel::startTls()
{
    applyTlsConfiguration();
    m_socket->startClientEncryption();
}

bool SocketChannel::isEncrypted() const
{
    return m_socket->isEncrypted();
}

void SocketChannel::write(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

qint64 SocketChannel::bytesToWrite() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

qint64 SocketChannel::bytesAvailable() const
{
    return m_socket->bytesAvailable();
}

qint64 SocketChannel::read(char *data, qint64 maxSize)
{
    return m_socket->read(data, maxSize);
}

void SocketChannel::close()
{
    m_socket->disconnectFromHost();
}

void SocketChannel::abort()
{
    m_reportedFailure = true;
    m_socket->abort();
}

QString SocketChannel::tlsDescription() const
{
    if (!m_socket->isEncrypted())
        return {};
    const QSslCipher cipher = m_socket->sessionCipher();
    return QStringLiteral("%1, %2").arg(cipher.protocolString(), cipher.name());
}

QList<QSslCertificate> SocketChannel::peerCertificateChain() const
{
    return m_peerChain;
}

bool SocketChannel::pinCovers(const QList<QSslCertificate> &pinned,
    const QSslCertificate &presented, const QList<QSslError> &errors)
{
    if (presented.isNull() || !pinned.contains(presented))
        return false;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::HostNameMismatch:
            break;
        default:
            return false;
        }
    }
    return true;
}

void SocketChannel::onSslErrors(const QList<QSslError> &errors)
{
    m_peerChain = m_socket->peerCertificateChain();
    if (m_trust.pinned && !m_trust.caFile.isEmpty()
        && pinCovers(QSslCertificate::fromPath(m_trust.caFile, QSsl::Pem),
            m_socket->peerCertificate(), errors)) {
        m_socket->ignoreSslErrors(errors);
        return;
    }
    QStringList problems;
    for (const QSslError &e : errors)
        problems.append(e.errorString());
    m_certificateProblems = problems.join(QStringLiteral("; "));
    // Never ignored: the handshake fails and errorOccurred reports it.
}

void SocketChannel::onErrorOccurred()
{
    if (m_reportedFailure)
        return;
    m_reportedFailure = true;
    const ChannelError kind = channelErrorFor(m_socket->error(), !m_certificateProblems.isEmpty());
    const QString detail =
        kind == ChannelError::TlsCertificate ? m_certificateProblems : m_socket->errorString();
    Q_EMIT failed(kind, detail);
}

} // namespace Pop3Connector

#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

class QSslConfiguration;
class QSslSocket;

namespace Pop3Connector {

// Why a channel stopped working, in the terms an administrator can act on.
enum class ChannelError {
    HostNotFound,
    ConnectionRefused,
    Network, // unreachable, reset, any other socket error
    RemoteClosed,
    TlsCertificate, // the server's certificate is not trusted for this host name
    TlsHandshake, // TLS could not be negotiated at all
};

// What a socket error means to a session: a failed handshake is TlsCertificate when the server's
// certificate was refused (the socket's sslErrors), TlsHandshake when TLS itself failed.
ChannelError channelErrorFor(QAbstractSocket::SocketError error, bool certificateRefused);

// A byte stream to a server: what a protocol session needs and nothing more, so that a
// session can be driven by a scripted channel in tests. All calls are asynchronous.
class Channel : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Connects; with `implicitTls` the TLS handshake is part of connecting (RFC 8314).
    virtual void connectToHost(const QString &host, quint16 port, bool implicitTls) = 0;
    // Upgrades the connection in place (RFC 2595 STLS, RFC 3207 STARTTLS).
    virtual void startTls() = 0;
    virtual bool isEncrypted() const = 0;
    virtual void write(const QByteArray &bytes) = 0;
    // Bytes written but not yet handed to the network; bytesWritten() reports progress.
    virtual qint64 bytesToWrite() const { return 0; }
    virtual qint64 bytesAvailable() const = 0;
    virtual qint64 read(char *data, qint64 maxSize) = 0;
    // Closes after pending writes are sent.
    virtual void close() = 0;
    // Drops the connection at once.
    virtual void abort() = 0;
    // A short description of the negotiated TLS session, for the transcript.
    virtual QString tlsDescription() const { return {}; }
    // The certificates the server presented, leaf first; empty before a TLS handshake.
    virtual QList<QSslCertificate> peerCertificateChain() const { return {}; }

Q_SIGNALS:
    void connected();
    void encrypted();
    void readyRead();
    void bytesWritten(qint64 bytes);
    void failed(Pop3Connector::ChannelError error, const QString &detail);
};

// Where a channel looks for trust anchors beyond the system store.
struct TlsTrust
{
    QString caFile; // PEM file with a CA or the server's own certificate; empty for none
    // The CA file holds the one certificate the server may present (the administrator trusted
    // it after comparing its fingerprint): the system's authorities are not consulted, and that
    // certificate is accepted even though no authority signed it for this computer.
    bool pinned = false;
};

// A channel over QSslSocket: certificates verified against the system store plus the optional
// CA file, the peer name checked against the host name. Certificate errors are never ignored.
class SocketChannel : public Channel
{
    Q_OBJECT
public:
    explicit SocketChannel(const TlsTrust &trust, QObject *parent = nullptr);
    ~SocketChannel() override;

    // Checks that the CA file can be used; returns an empty string or what is wrong with it.
    static QString checkCaFile(const QString &path);
    // The TLS settings every connection uses: peer verified against the system store plus the
    // trust's CA file, secure protocols only.
    static QSslConfiguration tlsConfiguration(const TlsTrust &trust);

    void connectToHost(const QString &host, quint16 port, bool implicitTls) override;
    void startTls() override;
    bool isEncrypted() const override;
    void write(const QByteArray &bytes) override;
    qint64 bytesToWrite() const override;
    qint64 bytesAvailable() const override;
    qint64 read(char *data, qint64 maxSize) override;
    void close() override;
    void abort() override;
    QString tlsDescription() const override;
    QList<QSslCertificate> peerCertificateChain() const override;

    // Whether the errors of a handshake are all covered by a pin: the server presented exactly
    // a pinned certificate and nothing is wrong but that no authority vouches for it (or for its
    // name). An expired or revoked pinned certificate is still refused.
    static bool pinCovers(const QList<QSslCertificate> &pinned, const QSslCertificate &presented,
        const QList<QSslError> &errors);

private:
    void onErrorOccurred();
    void onSslErrors(const QList<QSslError> &errors);
    void applyTlsConfiguration();

    QSslSocket *m_socket;
    TlsTrust m_trust;
    QString m_host;
    QString m_certificateProblems;
    QList<QSslCertificate> m_peerChain;
    bool m_reportedFailure = false;
};

} // namespace Pop3Connector

#pragma once

#include "protocol/channel.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>

// A Channel that plays a scripted conversation. The script is lines prefixed "S: " (what the
// server sends, CRLF added) and "C: " (what the client must write, compared byte for byte).
// "S:DROP" closes the connection; "S:STALL" sends nothing more. Every mismatch is recorded.
class FakeChannel : public Pop3Connector::Channel
{
    Q_OBJECT
public:
    explicit FakeChannel(const QStringList &script, QObject *parent = nullptr);

    // Without PIPELINING a client must wait for each reply: a line written early is a mismatch.
    void setStrictTurns(bool strict) { m_strict = strict; }
    // Called with each client line as it is written, before it is matched; a non-empty answer
    // is a mismatch. Lets a test check the client's state at the moment it sends a command.
    void setLineCheck(std::function<QString(const QByteArray &line)> check)
    {
        m_lineCheck = std::move(check);
    }
    QStringList mismatches() const { return m_mismatches; }
    // Script lines not yet played: a finished conversation leaves none.
    QStringList remaining() const;
    QByteArray written() const { return m_written; }
    bool tlsStarted() const { return m_tlsStarted; }

    void connectToHost(const QString &host, quint16 port, bool implicitTls) override;
    void startTls() override;
    bool isEncrypted() const override { return m_encrypted; }
    void write(const QByteArray &bytes) override;
    qint64 bytesAvailable() const override { return m_incoming.size(); }
    qint64 read(char *data, qint64 maxSize) override;
    void close() override { m_closed = true; }
    void abort() override { m_closed = true; }

private:
    void play();

    struct Step
    {
        QString text;
        bool done = false;
    };
    QList<Step> m_steps;
    bool m_strict = false;
    std::function<QString(const QByteArray &line)> m_lineCheck;
    QStringList m_mismatches;
    QByteArray m_written;
    QByteArray m_pendingClient;
    QByteArray m_incoming;
    bool m_encrypted = false;
    bool m_tlsStarted = false;
    bool m_closed = false;
};

#include "fakechannel.h"

#include <QTimer>

#include <cstring>

FakeChannel::FakeChannel(const QStringList &script, QObject *parent)
    : Channel(parent)
{
    for (const QString &line : script)
        m_steps.append({line});
}

QStringList FakeChannel::remaining() const
{
    QStringList out;
    for (const Step &s : m_steps) {
        if (!s.done)
            out.append(s.text);
    }
    return out;
}

void FakeChannel::connectToHost(const QString &, quint16, bool implicitTls)
{
    m_encrypted = implicitTls;
    QTimer::singleShot(0, this, [this] {
        Q_EMIT connected();
        play();
    });
}

void FakeChannel::startTls()
{
    m_tlsStarted = true;
    QTimer::singleShot(0, this, [this] {
        m_encrypted = true;
        Q_EMIT encrypted();
        play();
    });
}

void FakeChannel::write(const QByteArray &bytes)
{
    if (m_closed)
        return;
    m_written += bytes;
    m_pendingClient += bytes;
    // Each complete client line must be the next client line of the script; server lines in
    // between may still be unplayed (a pipelining client writes ahead of the replies).
    for (qsizetype nl = m_pendingClient.indexOf("\r\n"); nl >= 0;
         nl = m_pendingClient.indexOf("\r\n")) {
        const QByteArray line = m_pendingClient.left(nl);
        m_pendingClient.remove(0, nl + 2);
        if (m_lineCheck) {
            if (const QString problem = m_lineCheck(line); !problem.isEmpty())
                m_mismatches.append(problem);
        }
        qsizetype i = 0;
        bool serverPending = false;
        for (; i < m_steps.size(); ++i) {
            if (m_steps[i].done)
                continue;
            if (m_steps[i].text.startsWith(QLatin1String("C: ")))
                break;
            serverPending = true;
        }
        if (i == m_steps.size()) {
            m_mismatches.append(
                QStringLiteral("unexpected client line: ") + QString::fromLatin1(line));
            continue;
        }
        if (m_strict && serverPending)
            m_mismatches.append(QStringLiteral("client wrote \"%1\" before the previous reply")
                                    .arg(QString::fromLatin1(line)));
        const QByteArray expected = m_steps[i].text.mid(3).toLatin1();
        m_steps[i].done = true;
        if (expected != line) {
            m_mismatches.append(QStringLiteral("expected \"%1\", client wrote \"%2\"")
                                    .arg(QString::fromLatin1(expected), QString::fromLatin1(line)));
        }
    }
    QTimer::singleShot(0, this, &FakeChannel::play);
}

qint64 FakeChannel::read(char *data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_incoming.size());
    memcpy(data, m_incoming.constData(), size_t(n));
    m_incoming.remove(0, n);
    return n;
}

void FakeChannel::play()
{
    // Plays server lines in order, stopping at a client line not yet written.
    bool sent = false;
    for (Step &step : m_steps) {
        if (m_closed)
            break;
        if (step.done)
            continue;
        if (step.text.startsWith(QLatin1String("C: ")))
            break;
        if (step.text == QLatin1String("S:STALL"))
            break;
        step.done = true;
        if (step.text == QLatin1String("S:DROP")) {
            m_closed = true;
            if (sent)
                Q_EMIT readyRead();
            Q_EMIT failed(Pop3Connector::ChannelError::RemoteClosed,
                QStringLiteral("The remote host closed the connection"));
            return;
        }
        m_incoming += step.text.mid(3).toLatin1() + "\r\n";
        sent = true;
    }
    if (sent)
        Q_EMIT readyRead();
}

#include "scriptedpop3server.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

struct ScriptedPop3Server::Session
{
    QTcpSocket *socket = nullptr;
    int number = 0;
    QByteArray buffer;
    bool authorized = false;
    bool stalled = false;
    QByteArray user;
    QSet<int> deleted;
    QList<Message> snapshot; // the maildrop as it was when the session began
    // An endless reply: the next chunk, given how many chunks were sent; written as the socket
    // drains.
    std::function<QByteArray(qint64 n)> endless;
    qint64 endlessChunks = 0;
    qint64 endlessSent = 0;
    // A trickled reply: sent a few bytes per tick.
    QPointer<QTimer> trickle;
    QByteArray trickleData;
    qsizetype tricklePos = 0;
};

ScriptedPop3Server::ScriptedPop3Server(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ScriptedPop3Server::onConnection);
}

ScriptedPop3Server::~ScriptedPop3Server() = default;

quint16 ScriptedPop3Server::listen()
{
    m_server->listen(QHostAddress::LocalHost, 0);
    return m_server->serverPort();
}

quint16 ScriptedPop3Server::port() const
{
    return m_server->serverPort();
}

int ScriptedPop3Server::count(const QByteArray &prefix) const
{
    int n = 0;
    for (const QByteArray &c : m_commands)
        n += c.startsWith(prefix);
    return n;
}

bool ScriptedPop3Server::faulty(const Session *s) const
{
    return s->number <= faults.faultySessions;
}

void ScriptedPop3Server::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_sessionStates.push_back(std::make_unique<Session>());
        Session *s = m_sessionStates.back().get();
        s->socket = socket;
        s->number = ++m_sessions;
        s->snapshot = m_messages;
        if (!m_commands.isEmpty())
            m_commands.append("--");
        connect(socket, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::bytesWritten, this, [this, s] { feedEndless(s); });
        const QByteArray greeting =
            "+OK scripted POP3 server ready <1896.697170952@scripted.test>\r\n";
        if (faulty(s) && faults.trickleGreeting) {
            sendTrickled(s, greeting);
            continue;
        }
        socket->write(greeting);
        if (faulty(s) && !faults.garbageAfterGreeting.isEmpty())
            socket->write(faults.garbageAfterGreeting);
    }
}

void ScriptedPop3Server::onReadyRead(Session *s)
{
    s->buffer += s->socket->readAll();
    for (qsizetype nl = s->buffer.indexOf("\r\n"); nl >= 0; nl = s->buffer.indexOf("\r\n")) {
        // Pipelined commands wait until an endless or trickled reply is over.
        if (s->endless || (s->trickle && s->trickle->isActive()))
            return;
        const QByteArray line = s->buffer.left(nl);
        s->buffer.remove(0, nl + 2);
        if (s->stalled)
            return;
        m_commands.append(line);
        handle(s, line);
        if (s->socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void ScriptedPop3Server::sendEndless(
    Session *s, QByteArray head, std::function<QByteArray(qint64 n)> chunk)
{
    s->socket->write(head);
    s->endless = std::move(chunk);
    feedEndless(s);
}

void ScriptedPop3Server::feedEndless(Session *s)
{
    // Keep a little queued, so that the server's memory stays flat however long it goes on.
    while (s->endless && s->socket && s->socket->state() == QAbstractSocket::ConnectedState
        && s->socket->bytesToWrite() < 256 * 1024) {
        if (s->endlessSent >= faults.endlessLimitBytes)
            return; // "for ever" is over: the server stalls
        const QByteArray chunk = s->endless(s->endlessChunks++);
        s->endlessSent += chunk.size();
        m_endlessBytes += chunk.size();
        s->socket->write(chunk);
    }
}

void ScriptedPop3Server::sendTrickled(Session *s, const QByteArray &bytes)
{
    s->trickleData = bytes;
    s->tricklePos = 0;
    if (!s->trickle) {
        s->trickle = new QTimer(s->socket);
        connect(s->trickle, &QTimer::timeout, this, [this, s] {
            if (s->tricklePos >= s->trickleData.size()) {
                s->trickle->stop();
                return;
            }
            s->socket->write(s->trickleData.mid(s->tricklePos, faults.trickleBytes));
            s->tricklePos += faults.trickleBytes;
            if (s->tricklePos >= s->trickleData.size()) {
                s->trickle->stop();
                ++m_tricklesFinished;
                onReadyRead(s); // the commands that waited
            }
        });
    }
    s->trickle->start(faults.trickleIntervalMs);
}

QByteArray ScriptedPop3Server::stuffed(const QByteArray &wire) const
{
    QByteArray out;
    out.reserve(wire.size() + wire.size() / 50 + 8);
    qsizetype start = 0;
    while (start < wire.size()) {
        qsizetype end = wire.indexOf("\r\n", start);
        end = end < 0 ? wire.size() : end + 2;
        if (wire[start] == '.')
            out += '.';
        out += wire.mid(start, end - start);
        start = end;
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

void ScriptedPop3Server::sendBody(Session *s, const QByteArray &wire, bool cutHalfway)
{
    const QByteArray out = stuffed(wire);
    if (cutHalfway) {
        s->socket->write(out.left(out.size() / 2));
        s->socket->flush();
        s->socket->disconnectFromHost();
        return;
    }
    s->socket->write(out + ".\r\n");
}

void ScriptedPop3Server::handle(Session *s, const QByteArray &line)
{
    QTcpSocket *socket = s->socket;
    const QByteArray verb = line.split(' ').front().toUpper();
    const QByteArray arg = line.mid(verb.size() + 1);
    const bool f = faulty(s);
    auto numberOk = [&](int n) {
        return n >= 1 && n <= s->snapshot.size() && !s->deleted.contains(n);
    };

    if (verb == "CAPA") {
        if (!faults.capa) {
            socket->write("-ERR unknown command\r\n");
            return;
        }
        if (f && faults.endlessCapa) {
            sendEndless(s, "+OK\r\nUSER\r\n", [](qint64 n) {
                QByteArray lines;
                for (qint64 i = n * 1000; i < (n + 1) * 1000; ++i)
                    lines += "X-CAPABILITY-" + QByteArray::number(i) + "\r\n";
                return lines;
            });
            return;
        }
        QByteArray caps = "+OK\r\nUSER\r\nTOP\r\nRESP-CODES\r\n";
        if (faults.uidl)
            caps += "UIDL\r\n";
        if (faults.pipelining)
            caps += "PIPELINING\r\n";
        if (faults.stls && !s->authorized)
            caps += "STLS\r\n";
        socket->write(caps + ".\r\n");
    } else if (verb == "STLS") {
        if (faults.injectAfterStls)
            socket->write("+OK begin TLS\r\n-ERR injected in clear text\r\n");
        else
            socket->write("-ERR TLS not available here\r\n");
    } else if (verb == "USER") {
        s->user = arg;
        socket->write("+OK\r\n");
    } else if (verb == "PASS") {
        if (f && !faults.passReply.isEmpty()) {
            socket->write(faults.passReply + "\r\n");
        } else if (s->user == user && arg == password) {
            s->authorized = true;
            socket->write("+OK logged in\r\n");
        } else {
            socket->write("-ERR [AUTH] invalid user name or password\r\n");
        }
    } else if (!s->authorized) {
        socket->write("-ERR log in first\r\n");
    } else if (verb == "STAT") {
        qint64 octets = 0;
        int n = 0;
        for (int i = 1; i <= s->snapshot.size(); ++i) {
            if (!s->deleted.contains(i)) {
                ++n;
                octets += s->snapshot[i - 1].wire.size();
            }
        }
        socket->write("+OK " + QByteArray::number(n) + ' ' + QByteArray::number(octets) + "\r\n");
    } else if (verb == "LIST" || verb == "UIDL") {
        if (verb == "UIDL" && !faults.uidl) {
            socket->write("-ERR unknown command\r\n");
            return;
        }
        if (verb == "UIDL" && f && faults.endlessUidl) {
            sendEndless(s, "+OK\r\n", [](qint64 n) {
                QByteArray lines;
                for (qint64 i = n * 1000 + 1; i <= (n + 1) * 1000; ++i)
                    lines += QByteArray::number(i) + " uid-" + QByteArray::number(i) + "\r\n";
                return lines;
            });
            return;
        }
        if (verb == "UIDL" && f && faults.endlessLine) {
            sendEndless(s, "+OK\r\n1 ", [](qint64) { return QByteArray(64 * 1024, 'x'); });
            return;
        }
        QByteArray out = "+OK\r\n";
        for (int i = 1; i <= s->snapshot.size(); ++i) {
            if (s->deleted.contains(i))
                continue;
            const qint64 size = f && faults.listedSizes.contains(i)
                ? faults.listedSizes.value(i)
                : s->snapshot[i - 1].wire.size();
            out += QByteArray::number(i) + ' '
                + (verb == "LIST" ? QByteArray::number(size) : s->snapshot[i - 1].uid) + "\r\n";
        }
        socket->write(out + ".\r\n");
    } else if (verb == "RETR") {
        const int n = arg.toInt();
        if (f && faults.stallAtRetr == n) {
            s->stalled = true;
            return;
        }
        if (f && faults.errOnRetr.contains(n)) {
            socket->write("-ERR [SYS/TEMP] message temporarily unavailable\r\n");
            return;
        }
        if (!numberOk(n)) {
            socket->write("-ERR no such message\r\n");
            return;
        }
        if (f && faults.endlessRetr == n) {
            sendEndless(s, "+OK\r\nSubject: endless\r\n\r\n", [](qint64 n) {
                return "line " + QByteArray::number(n) + ' ' + QByteArray(1000, 'y') + "\r\n";
            });
            return;
        }
        if (f && faults.trickleRetr == n) {
            sendTrickled(s,
                "+OK " + QByteArray::number(s->snapshot[n - 1].wire.size()) + " octets\r\n"
                    + stuffed(s->snapshot[n - 1].wire) + ".\r\n");
            return;
        }
        const bool cut = f && faults.dropDuringRetr == n;
        auto answer = [this, s, n, cut, socket = QPointer<QTcpSocket>(socket)] {
            if (!socket)
                return;
            socket->write(
                "+OK " + QByteArray::number(s->snapshot[n - 1].wire.size()) + " octets\r\n");
            sendBody(s, s->snapshot[n - 1].wire, cut);
        };
        if (faults.retrDelayMs > 0)
            QTimer::singleShot(faults.retrDelayMs, this, answer);
        else
            answer();
    } else if (verb == "DELE") {
        const int n = arg.toInt();
        if (!numberOk(n)) {
            socket->write("-ERR no such message\r\n");
            return;
        }
        s->deleted.insert(n);
        socket->write("+OK deleted\r\n");
    } else if (verb == "RSET") {
        s->deleted.clear();
        socket->write("+OK\r\n");
    } else if (verb == "NOOP") {
        socket->write("+OK\r\n");
    } else if (verb == "QUIT") {
        if (f && faults.dropInsteadOfQuitReply) {
            socket->disconnectFromHost();
            return;
        }
        if (f && faults.quitReply.startsWith("-ERR")) {
            // RFC 1939 §6: the server could not remove the deleted messages; none are.
            socket->write(faults.quitReply + "\r\n");
            socket->disconnectFromHost();
            return;
        }
        // RFC 1939 §6: the UPDATE state removes the messages marked as deleted.
        QList<Message> remaining;
        for (int i = 1; i <= s->snapshot.size(); ++i) {
            if (!s->deleted.contains(i))
                remaining.append(s->snapshot[i - 1]);
        }
        m_messages = remaining;
        if (f && faults.commitThenDropQuitReply) {
            socket->disconnectFromHost();
            return;
        }
        socket->write("+OK bye\r\n");
        socket->disconnectFromHost();
    } else {
        socket->write("-ERR unknown command\r\n");
    }
}

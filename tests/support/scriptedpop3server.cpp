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
        socket->write("+OK scripted POP3 server ready <1896.697170952@scripted.test>\r\n");
        if (faulty(s) && !faults.garbageAfterGreeting.isEmpty())
            socket->write(faults.garbageAfterGreeting);
    }
}

void ScriptedPop3Server::onReadyRead(Session *s)
{
    s->buffer += s->socket->readAll();
    for (qsizetype nl = s->buffer.indexOf("\r\n"); nl >= 0; nl = s->buffer.indexOf("\r\n")) {
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

void ScriptedPop3Server::sendBody(Session *s, const QByteArray &wire, bool cutHalfway)
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
        QByteArray out = "+OK\r\n";
        for (int i = 1; i <= s->snapshot.size(); ++i) {
            if (s->deleted.contains(i))
                continue;
            out += QByteArray::number(i) + ' '
                + (verb == "LIST" ? QByteArray::number(s->snapshot[i - 1].wire.size())
                                  : s->snapshot[i - 1].uid)
                + "\r\n";
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

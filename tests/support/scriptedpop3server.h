#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

// A small POP3 server for the faults a real server does not produce on demand: connections
// dropped mid-message or instead of the QUIT reply, stalls, refused messages, lying
// capabilities, data injected after STLS. It keeps RFC 1939 semantics otherwise: DELE takes
// effect only when QUIT succeeds, so what a session leaves behind is what the next one sees.
class ScriptedPop3Server : public QObject
{
    Q_OBJECT
public:
    struct Message
    {
        QByteArray wire; // CRLF form, not dot-stuffed
        QByteArray uid;
    };
    struct Faults
    {
        int faultySessions = 1; // faults apply to the first this many sessions
        int dropDuringRetr = 0; // message number whose body is cut off halfway
        bool dropInsteadOfQuitReply = false; // deletes nothing, closes
        bool commitThenDropQuitReply = false; // deletes, then closes without +OK
        int stallAtRetr = 0; // sends nothing more once this RETR arrives
        QSet<int> errOnRetr;
        bool capa = true;
        bool uidl = true;
        bool pipelining = true;
        bool stls = false;
        bool injectAfterStls = false;
        QByteArray passReply; // replaces "+OK" to PASS, e.g. "-ERR [IN-USE] busy"
        QByteArray garbageAfterGreeting;
        int retrDelayMs = 0; // a slow link: each RETR answered after this long (all sessions)
    };

    explicit ScriptedPop3Server(QObject *parent = nullptr);
    ~ScriptedPop3Server() override;

    quint16 listen();
    quint16 port() const;

    Faults faults;
    QByteArray user = "user";
    QByteArray password = "secret";

    void setMessages(const QList<Message> &messages) { m_messages = messages; }
    QList<Message> messages() const { return m_messages; }
    int sessions() const { return m_sessions; }
    // Every command line received, in order, sessions separated by "--".
    QList<QByteArray> commands() const { return m_commands; }
    int count(const QByteArray &commandPrefix) const;

private:
    struct Session;
    void onConnection();
    void onReadyRead(Session *s);
    void handle(Session *s, const QByteArray &line);
    void sendBody(Session *s, const QByteArray &wire, bool cutHalfway);
    bool faulty(const Session *s) const;

    QTcpServer *m_server;
    std::vector<std::unique_ptr<Session>> m_sessionStates; // kept: a socket may outlive its turn
    QList<Message> m_messages;
    QList<QByteArray> m_commands;
    int m_sessions = 0;
};

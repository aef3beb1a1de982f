#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

// A small POP3 server for the faults a real server does not produce on demand: connections
// dropped mid-message or instead of the QUIT reply, stalls, refused messages, lying
// capabilities, data injected after STLS, and the hostile ones: endless listings and lines,
// replies trickled a few bytes at a time, LIST sizes that lie. It keeps RFC 1939 semantics
// otherwise: DELE takes effect only when QUIT succeeds, so what a session leaves behind is what
// the next one sees. Endless replies are written as the socket drains, so the server itself
// holds little memory, and stop (then stall) after endlessLimitBytes.
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
        QByteArray quitReply; // replaces "+OK bye"; an -ERR commits nothing

        // Hostile servers (faulty sessions only).
        bool endlessCapa = false; // "+OK", then capability lines for ever
        bool endlessUidl = false; // "+OK", then "n uid-n" lines for ever
        bool endlessLine = false; // UIDL: "+OK", then one line that never ends
        int endlessRetr = 0; // this RETR: "+OK", then body lines for ever
        qint64 endlessLimitBytes = 128 * 1024 * 1024; // where "for ever" stops (then stalls)
        // Replies sent trickleBytes every trickleIntervalMs: the greeting, and the RETR of this
        // message number (its status line too).
        bool trickleGreeting = false;
        int trickleRetr = 0;
        int trickleBytes = 1;
        int trickleIntervalMs = 1000;
        QMap<int, qint64> listedSizes; // message number -> the size LIST claims
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
    // Trickled replies sent to their end, and bytes sent by endless replies (all sessions).
    int tricklesFinished() const { return m_tricklesFinished; }
    qint64 endlessBytesSent() const { return m_endlessBytes; }

private:
    struct Session;
    void onConnection();
    void onReadyRead(Session *s);
    void handle(Session *s, const QByteArray &line);
    void sendBody(Session *s, const QByteArray &wire, bool cutHalfway);
    QByteArray stuffed(const QByteArray &wire) const;
    void sendEndless(Session *s, QByteArray head, std::function<QByteArray(qint64 n)> chunk);
    void feedEndless(Session *s);
    void sendTrickled(Session *s, const QByteArray &bytes);
    bool faulty(const Session *s) const;

    QTcpServer *m_server;
    std::vector<std::unique_ptr<Session>> m_sessionStates; // kept: a socket may outlive its turn
    QList<Message> m_messages;
    QList<QByteArray> m_commands;
    int m_sessions = 0;
    int m_tricklesFinished = 0;
    qint64 m_endlessBytes = 0;
};

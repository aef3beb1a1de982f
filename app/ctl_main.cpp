// pop3connectorctl: the running service's control channel on the command line, as postqueue,
// doveadm and systemctl are to theirs (docs/control-protocol.md).
// Exit status: 0 done, 1 the operation failed, 2 bad usage, 3 no service answers.

#include "base/durablefs.h"
#include "base/phrase.h"
#include "config/configuration.h"
#include "ctlcommand.h"
#include "ctltrack.h"
#include "diagnosis/diagnosis.h"
#include "oauth/deviceflow.h"
#include "secretprompt.h"
#include "service/controlclient.h"
#include "service/controlendpoint.h"
#include "service/trackingrequests.h"
#include "signalwatcher.h"

#include <QCborArray>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

using namespace Pop3Connector;
using namespace Pop3Connector::Control;

namespace {

enum ExitCode { Succeeded = 0, Failed = 1, BadUsage = 2, NoService = 3 };

// In the context lupdate gives the strings of class Ctl, so that the catalogue finds them; the
// free functions below name it themselves.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Ctl", text, disambiguation, n);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString when(const QCborValue &v)
{
    const QDateTime t = v.toDateTime();
    return t.isValid() ? t.toLocalTime().toString(Qt::ISODate)
                       : QCoreApplication::translate("Ctl", "never");
}

QString eventLine(const Event &e)
{
    QString line = e.time.toLocalTime().toString(Qt::ISODate) + u' ' + severityKey(e.severity)
        + u' ' + QString::number(int(e.id));
    if (!e.mailbox.isEmpty())
        line += QStringLiteral(" [%1]").arg(e.mailbox);
    return line + u' ' + e.displayText();
}

// One run of the program: a connection, the requests of one command, what they print.
class Ctl
{
public:
    Ctl(CtlCommand command, Configuration configuration, bool json)
        : m_command(std::move(command))
        , m_configuration(std::move(configuration))
        , m_json(json)
        , m_client(QStringLiteral("pop3connectorctl ") + QCoreApplication::applicationVersion())
    {
        QObject::connect(&m_client, &Client::disconnected, &m_context,
            [this](const Error &reason) { onDisconnected(reason); });
        QObject::connect(&m_signals, &SignalWatcher::terminationRequested, &m_context, [this] {
            // Ctrl-C ends events --follow (and a --wait) without an error.
            finish(m_command.follow ? Succeeded : Failed);
        });
    }

    int run()
    {
        // A password is read before anything is sent, so a typo in NAME costs no prompt.
        if (m_command.verb == CtlCommand::Verb::SetPassword) {
            m_secret = readSecretLine(tr("Password for %1: ").arg(m_command.arguments.first()));
            if (m_secret.isEmpty()) {
                err() << tr("pop3connectorctl: no password given; nothing stored") << Qt::endl;
                return Failed;
            }
        }
        if (m_command.verb == CtlCommand::Verb::Authorize) {
            authorize();
            if (m_code < 0)
                QCoreApplication::exec();
            return m_code;
        }
        m_client.connectToService(socketPath(m_configuration));
        if (m_code < 0) {
            start();
            if (m_code < 0)
                QCoreApplication::exec();
        }
        return m_code;
    }

private:
    using Reply = Client::Reply;

    void finish(int code)
    {
        if (m_code >= 0)
            return;
        m_code = code;
        out().flush();
        QCoreApplication::quit();
    }

    void onDisconnected(const Error &reason)
    {
        if (m_code >= 0)
            return;
        if (reason.code == ErrorCode::NotFound) {
            err() << tr("pop3connectorctl: no service answers on %1. %2")
                         .arg(socketPath(m_configuration), howToStart(m_configuration))
                  << Qt::endl;
            finish(NoService);
            return;
        }
        err() << "pop3connectorctl: " << reason.message << Qt::endl;
        finish(Failed);
    }

    // Sends a request; a failure ends the program with its sentence, a result goes to `done`.
    void ask(const QString &method, const QCborMap &params,
        std::function<void(const QCborMap &)> done, int timeoutMs = Client::kDefaultTimeoutMs)
    {
        m_client.request(
            method, params, &m_context,
            [this, done = std::move(done)](const Result<QCborMap> &r) {
                if (m_client.state() == Client::State::Disconnected && !r)
                    return; // onDisconnected says why
                if (!r) {
                    if (m_json)
                        printJson(QCborMap {{QStringLiteral("error"),
                            QCborMap {{QStringLiteral("code"), errorCodeName(r.error().code)},
                                {QStringLiteral("message"), r.error().message}}}});
                    err() << "pop3connectorctl: " << r.error().message << Qt::endl;
                    // diagnose: a service that cannot answer is a failure, not a warning.
                    finish(m_command.verb == CtlCommand::Verb::Diagnose ? exitCodeFor(Verdict::Fail)
                                                                        : Failed);
                    return;
                }
                done(*r);
            },
            timeoutMs);
    }

    void printJson(const QCborMap &map)
    {
        out() << QJsonDocument(QCborValue(map).toJsonValue().toObject())
                     .toJson(m_command.follow ? QJsonDocument::Compact : QJsonDocument::Indented);
        if (m_command.follow)
            out() << Qt::endl;
    }

    void start()
    {
        switch (m_command.verb) {
        case CtlCommand::Verb::Status:
            return status();
        case CtlCommand::Verb::RetrieveNow:
            return retrieveNow();
        case CtlCommand::Verb::Cancel:
            return ask(Method::Cancel, {}, [this](const QCborMap &r) {
                if (m_json)
                    printJson(r);
                else
                    out() << (r.value(QStringLiteral("cancelled")).toBool()
                            ? tr("The running cycle is being cancelled.")
                            : tr("No cycle was running."))
                          << Qt::endl;
                finish(Succeeded);
            });
        case CtlCommand::Verb::Delivery:
            return ask(Method::Delivery, QCborMap {{QStringLiteral("enabled"), m_command.enable}},
                [this](const QCborMap &r) {
                    if (m_json)
                        printJson(r);
                    else
                        out() << (m_command.enable
                                ? tr("Delivery to the local mail server started.")
                                : tr("Delivery to the local mail server stopped; mail "
                                     "collects in PickUp."))
                              << Qt::endl;
                    finish(Succeeded);
                });
        case CtlCommand::Verb::SpoolList:
            return spoolList(0, {});
        case CtlCommand::Verb::SpoolShow:
            return ask(Method::SpoolPreview,
                QCborMap {{QStringLiteral("name"), m_command.arguments[0]}},
                [this](const QCborMap &r) {
                    if (m_json)
                        printJson(r);
                    else
                        out() << r.value(QStringLiteral("text")).toString() << Qt::endl;
                    finish(Succeeded);
                });
        case CtlCommand::Verb::SpoolRequeue:
            if (m_command.force)
                return spoolChange(Method::SpoolRequeue, tr("requeued"));
            return checkRequeue();
        case CtlCommand::Verb::SpoolDelete:
            return spoolChange(Method::SpoolDelete, tr("deleted"));
        case CtlCommand::Verb::SpoolExport:
            return spoolExport();
        case CtlCommand::Verb::SetPassword:
            return setPassword();
        case CtlCommand::Verb::Authorize:
            return storeSignIn();
        case CtlCommand::Verb::Events:
            return events();
        case CtlCommand::Verb::Test:
            return test();
        case CtlCommand::Verb::Diagnose:
            return diagnose();
        case CtlCommand::Verb::Track:
            return track();
        }
    }

    void status()
    {
        ask(Method::Status, {}, [this](const QCborMap &r) {
            if (m_json) {
                printJson(r);
                return finish(Succeeded);
            }
            const auto s = [&r](const char *key) { return r.value(QLatin1String(key)); };
            out() << tr("%1 %2, process %3, user %4")
                         .arg(s("service").toString(), s("version").toString())
                         .arg(s("pid").toInteger())
                         .arg(s("user").toString())
                  << Qt::endl;
            out() << tr("Configuration: %1").arg(s("configuration").toString()) << Qt::endl;
            out() << tr("Spool: %1").arg(s("spool").toString()) << Qt::endl;
            out() << tr("Passwords: %1").arg(s("passwordStore").toString()) << Qt::endl;
            if (s("cycleRunning").toBool())
                out() << tr("Cycle: %1 running").arg(s("cycle").toInteger()) << Qt::endl;
            else if (s("schedule").toBool())
                out() << tr("Cycle: idle; next run %1").arg(when(s("nextRun"))) << Qt::endl;
            else
                out() << tr("Cycle: idle; no schedule (schedule_enabled = false)") << Qt::endl;
            out() << (s("delivery").toBool() ? tr("Delivery: on")
                                             : tr("Delivery: stopped; mail collects in PickUp"))
                  << Qt::endl;
            QStringList stages;
            for (const QCborValue &v : s("stages").toArray()) {
                const QCborMap st = v.toMap();
                stages.append(st.value(QStringLiteral("name")).toString() + u' '
                    + (st.value(QStringLiteral("active")).toBool() ? tr("active") : tr("idle")));
            }
            out() << tr("Stages: %1").arg(stages.join(QStringLiteral(", "))) << Qt::endl;
            const QCborMap folders = s("folders").toMap();
            QStringList counts;
            for (SpoolFolder f : Spool::folders())
                counts.append(QStringLiteral("%1 %2")
                                  .arg(Spool::folderName(f))
                                  .arg(folders.value(folderKey(f)).toInteger()));
            out() << tr("Folders: %1").arg(counts.join(QStringLiteral(", "))) << Qt::endl;
            out() << tr("Mailboxes:") << Qt::endl;
            for (const QCborValue &v : s("mailboxes").toArray()) {
                const QCborMap m = v.toMap();
                QString line = QStringLiteral("  ") + m.value(QStringLiteral("name")).toString();
                if (!m.value(QStringLiteral("enabled")).toBool()) {
                    line += u' ' + tr("disabled");
                } else if (!m.contains(QStringLiteral("last"))) {
                    line += u' ' + tr("not retrieved yet");
                } else {
                    const RetrievalReport last =
                        retrievalFromCbor(m.value(QStringLiteral("last")).toMap());
                    line += u' ' + outcomeKey(last.outcome);
                    if (last.outcome == RetrievalReport::Outcome::Succeeded)
                        line += u' ' + tr("%n new message(s)", nullptr, last.stored);
                    else
                        line += QStringLiteral(": %1 (%2)")
                                    .arg(last.failureText)
                                    .arg(int(last.failureId));
                }
                out() << line << Qt::endl;
            }
            finish(Succeeded);
        });
    }

    void retrieveNow()
    {
        QCborMap params;
        if (!m_command.arguments.isEmpty())
            params.insert(QStringLiteral("mailbox"), m_command.arguments.first());
        if (m_command.wait) {
            // Subscribed before asking: the cycle's end cannot come before the subscription.
            QObject::connect(
                &m_client, &Client::cycleFinished, &m_context, [this](const CycleOutcome &c) {
                    if (c.id == m_cycle)
                        cycleDone(c);
                });
            m_client.subscribe({Topic::Cycle});
        }
        ask(Method::RetrieveNow, params, [this](const QCborMap &r) {
            m_cycle = quint64(r.value(QStringLiteral("cycle")).toInteger());
            if (!m_command.wait) {
                if (m_json)
                    printJson(r);
                else
                    out() << tr("Cycle %1 requested.").arg(m_cycle) << Qt::endl;
                finish(Succeeded);
            }
        });
    }

    void cycleDone(const CycleOutcome &c)
    {
        if (m_json) {
            printJson(toCbor(c));
        } else {
            int stored = 0;
            for (const RetrievalReport &r : c.mailboxes)
                stored += r.stored;
            out() << tr("Cycle %1 finished: %2, %3, %4 delivered.")
                         .arg(QString::number(c.id),
                             tr("%n mailbox(es)", nullptr, int(c.mailboxes.size())),
                             tr("%n new message(s)", nullptr, int(stored)),
                             QString::number(c.delivered))
                  << Qt::endl;
            for (const CycleOutcome::Problem &p : c.problems)
                out() << tr("%1: %2 What to do: %3").arg(p.subject, p.text, describe(p.event).fix)
                      << Qt::endl;
        }
        finish(c.succeeded() ? Succeeded : Failed);
    }

    // Every page of the folder, in order.
    void spoolList(qint64 offset, QCborArray messages)
    {
        QCborMap params;
        params.insert(QStringLiteral("folder"), m_command.arguments[0]);
        params.insert(QStringLiteral("offset"), offset);
        params.insert(QStringLiteral("limit"), 1000);
        ask(Method::SpoolList, params, [this, offset, messages](const QCborMap &r) mutable {
            const QCborArray page = r.value(QStringLiteral("messages")).toArray();
            for (const QCborValue &m : page)
                messages.append(m);
            const qint64 total = r.value(QStringLiteral("total")).toInteger();
            if (!page.isEmpty() && offset + page.size() < total)
                return spoolList(offset + page.size(), messages);
            if (m_json) {
                printJson(QCborMap {{QStringLiteral("folder"), r.value(QStringLiteral("folder"))},
                    {QStringLiteral("total"), total}, {QStringLiteral("messages"), messages}});
                return finish(Succeeded);
            }
            for (const QCborValue &v : std::as_const(messages)) {
                const MessageSummary s = summaryFromCbor(v.toMap());
                QString line = QStringLiteral("%1  %2  %3  %4  %5")
                                   .arg(s.name, s.arrived.toLocalTime().toString(Qt::ISODate),
                                       s.from.isEmpty() ? QStringLiteral("-") : s.from,
                                       s.subject.isEmpty() ? QStringLiteral("-") : s.subject)
                                   .arg(s.size);
                if (!s.reason.isEmpty())
                    line += QStringLiteral("  (%1)").arg(s.reason.translated());
                out() << line << Qt::endl;
            }
            out() << tr("%n message(s)", nullptr, int(total)) << Qt::endl;
            finish(Succeeded);
        });
    }

    void spoolChange(const QString &method, const QString &done)
    {
        QCborMap params;
        params.insert(QStringLiteral("names"), QCborArray::fromStringList(m_command.arguments));
        // Waits while a stage works on the folder; that may take as long as a delivery.
        ask(
            method, params,
            [this, done](const QCborMap &r) {
                if (m_json) {
                    printJson(r);
                } else {
                    for (const QCborValue &v : r.value(QStringLiteral("results")).toArray()) {
                        const QCborMap m = v.toMap();
                        out() << m.value(QStringLiteral("name")).toString() << ": "
                              << (m.value(QStringLiteral("ok")).toBool()
                                         ? done
                                         : Control::errorOf(m).translated())
                              << Qt::endl;
                    }
                }
                finish(r.value(QStringLiteral("failed")).toInteger() == 0 ? Succeeded : Failed);
            },
            Client::kNoTimeout);
    }

    // Asks first whether the messages would only fail again; requeues when none would.
    void checkRequeue()
    {
        QCborMap params;
        params.insert(QStringLiteral("names"), QCborArray::fromStringList(m_command.arguments));
        params.insert(QStringLiteral("check"), true);
        ask(Method::SpoolRequeue, params, [this](const QCborMap &r) {
            if (r.value(QStringLiteral("failed")).toInteger() == 0)
                return spoolChange(Method::SpoolRequeue, tr("requeued"));
            if (m_json) {
                printJson(r);
                return finish(Failed);
            }
            for (const QCborValue &v : r.value(QStringLiteral("results")).toArray()) {
                const QCborMap m = v.toMap();
                if (!m.value(QStringLiteral("ok")).toBool()) {
                    err() << m.value(QStringLiteral("name")).toString() << ": "
                          << tr("would go back to Failed Mail: %1")
                                 .arg(Control::errorOf(m).translated())
                          << Qt::endl;
                }
            }
            err() << tr("Nothing was requeued. Fix the cause first (pop3connectorctl diagnose "
                        "helps), or requeue anyway with --force.")
                  << Qt::endl;
            finish(Failed);
        });
    }

    void spoolExport()
    {
        ask(Method::SpoolExport, QCborMap {{QStringLiteral("name"), m_command.arguments[0]}},
            [this](const QCborMap &r) {
                const QByteArray bytes = r.value(QStringLiteral("bytes")).toByteArray();
                const QString file = m_command.arguments[1];
                if (file == u"-") {
                    out().flush();
                    QFile stdoutFile;
                    stdoutFile.open(stdout, QIODevice::WriteOnly);
                    stdoutFile.write(bytes);
                    return finish(Succeeded);
                }
                // Private, like the spool it came from: it is somebody's mail.
                if (const Status s = DurableFs::writeAtomically(file, bytes); !s) {
                    err() << "pop3connectorctl: " << s.error().message << Qt::endl;
                    return finish(Failed);
                }
                if (m_json) {
                    QCborMap about = r;
                    about.remove(QStringLiteral("bytes"));
                    about.insert(QStringLiteral("file"), file);
                    about.insert(QStringLiteral("size"), bytes.size());
                    printJson(about);
                } else {
                    out() << tr("Message %1 written to %2 (%3 bytes).")
                                 .arg(m_command.arguments[0], file)
                                 .arg(bytes.size())
                          << Qt::endl;
                }
                finish(Succeeded);
            });
    }

    void setPassword()
    {
        QCborMap params;
        params.insert(QStringLiteral("key"), m_command.arguments[0]);
        params.insert(QStringLiteral("secret"), QString::fromUtf8(std::exchange(m_secret, {})));
        ask(Method::SetPassword, params, [this](const QCborMap &r) {
            if (m_json)
                printJson(r);
            else
                out() << tr("Password for %1 stored in %2.")
                             .arg(m_command.arguments[0],
                                 r.value(QStringLiteral("store")).toString())
                      << Qt::endl;
            finish(Succeeded);
        });
    }

    // RFC 8628's device flow, run here where the administrator sits: the code and the address
    // are printed, the provider polled until the user has signed in elsewhere; only then is the
    // service asked to store the refresh token, which never appears on the terminal.
    void authorize()
    {
        const QString name = m_command.arguments[0];
        const bool delivery = name == DeliverySettings::keychainKey();
        const MailboxSettings *m = m_configuration.mailbox(name);
        const bool oauth = delivery ? m_configuration.delivery.usesOAuth() : m && m->usesOAuth();
        const OAuthClient client = delivery ? OAuthClient::of(m_configuration.delivery)
            : m                             ? OAuthClient::of(*m)
                                            : OAuthClient {};
        if (!oauth || client.deviceUrl.isEmpty()) {
            err() << "pop3connectorctl: "
                  << (!m && !delivery ? tr("the configuration has no mailbox %1").arg(name)
                             : !oauth
                             ? tr("%1 logs in with a password (auth); set auth = xoauth2 or "
                                  "oauthbearer and its oauth_ keys first")
                                   .arg(name)
                             : tr("%1 names no device authorization endpoint (oauth_device_url)")
                                   .arg(name))
                  << Qt::endl;
            return finish(Failed);
        }
        auto *flow = new DeviceFlow(client, &m_context);
        QObject::connect(flow, &DeviceFlow::codeIssued, &m_context,
            [this, name](const QString &code, const QUrl &address, const QUrl &complete) {
                if (m_json) {
                    printJson(QCborMap {{QStringLiteral("mailbox"), name},
                        {QStringLiteral("userCode"), code},
                        {QStringLiteral("verificationUri"), address.toString()},
                        {QStringLiteral("verificationUriComplete"), complete.toString()}});
                    out().flush();
                    return;
                }
                out() << tr("To sign in for mailbox %1, open %2 in a browser and enter the code "
                            "%3")
                             .arg(name, address.toString(), code)
                      << Qt::endl;
                if (!complete.isEmpty())
                    out() << tr("(or open %1)").arg(complete.toString()) << Qt::endl;
                out() << tr("Waiting for the sign-in... (Ctrl-C to give up)") << Qt::endl;
            });
        QObject::connect(
            flow, &DeviceFlow::finished, &m_context, [this, name](const TokenReply &reply) {
                if (!reply.ok() || reply.refreshToken.isEmpty()) {
                    const QString said = reply.ok()
                        ? tr("the provider gave no refresh token; the scopes need "
                             "offline_access (Microsoft)")
                        : reply.description.isEmpty()
                        ? reply.error
                        : reply.error + QStringLiteral(": ") + reply.description;
                    err() << "pop3connectorctl: "
                          << tr("the sign-in for %1 did not complete: %2").arg(name, said)
                          << Qt::endl;
                    return finish(Failed);
                }
                m_secret = reply.refreshToken;
                m_client.connectToService(socketPath(m_configuration));
                start();
            });
        flow->start();
    }

    void storeSignIn()
    {
        QCborMap params;
        params.insert(QStringLiteral("mailbox"), m_command.arguments[0]);
        params.insert(
            QStringLiteral("refreshToken"), QString::fromUtf8(std::exchange(m_secret, {})));
        ask(Method::StoreSignIn, params, [this](const QCborMap &r) {
            if (m_json)
                printJson(r);
            else
                out() << tr("Signed in; mailbox %1 can be retrieved. The sign-in is kept in %2.")
                             .arg(m_command.arguments[0],
                                 r.value(QStringLiteral("store")).toString())
                      << Qt::endl;
            finish(Succeeded);
        });
    }

    void events()
    {
        if (!m_command.follow) {
            ask(Method::Events, QCborMap {{QStringLiteral("limit"), 100}},
                [this](const QCborMap &r) {
                    printEvents(r.value(QStringLiteral("events")).toArray());
                    finish(Succeeded);
                });
            return;
        }
        // The history and the live stream from one subscription: nothing missed, nothing twice.
        QObject::connect(&m_client, &Client::eventReceived, &m_context, [this](const Event &e) {
            if (m_json)
                printJson(toCbor(e));
            else
                out() << eventLine(e) << Qt::endl;
        });
        m_client.subscribe(
            {Topic::Event}, &m_context,
            [this](const Result<QCborMap> &r) {
                if (!r) {
                    err() << "pop3connectorctl: " << r.error().message << Qt::endl;
                    return finish(Failed);
                }
                printEvents(r->value(QStringLiteral("events")).toArray());
            },
            100);
    }

    void printEvents(const QCborArray &events)
    {
        for (const QCborValue &v : events) {
            if (m_json && m_command.follow)
                printJson(v.toMap());
            else if (!m_json)
                out() << eventLine(eventFromCbor(v.toMap())) << Qt::endl;
        }
        if (m_json && !m_command.follow)
            printJson(QCborMap {{QStringLiteral("events"), events}});
        out().flush();
    }

    void test()
    {
        ask(
            Method::TestConnection, QCborMap {{QStringLiteral("mailbox"), m_command.arguments[0]}},
            [this](const QCborMap &r) {
                const bool ok = r.value(QStringLiteral("succeeded")).toBool();
                if (m_json) {
                    printJson(r);
                    return finish(ok ? Succeeded : Failed);
                }
                for (const QCborValue &v : r.value(QStringLiteral("transcript")).toArray()) {
                    const QCborMap l = v.toMap();
                    const QString d = l.value(QStringLiteral("direction")).toString();
                    out() << (d == u"client" ? "C: "
                            : d == u"server" ? "S: "
                                             : "* ")
                          << transcriptText(l).translated() << Qt::endl;
                }
                const RetrievalReport report = retrievalFromCbor(r);
                if (ok)
                    out() << tr(
                        "The connection works: %n message(s) waiting.", nullptr, report.onServer)
                          << Qt::endl;
                else
                    out() << tr("The test failed: %1 What to do: %2")
                                 .arg(report.failure.translated(), describe(report.failureId).fix)
                          << Qt::endl;
                finish(ok ? Succeeded : Failed);
            },
            Client::kNoTimeout);
    }

    // Exit status 0, 1, 2 for the report's worst verdict: pass, warning, fail.
    void diagnose()
    {
        ask(
            Method::Diagnose, {},
            [this](const QCborMap &r) {
                const DiagnosisReport report = diagnosisFromCbor(r);
                if (m_json)
                    printJson(r);
                else
                    out() << DiagnosisText::format(report, true);
                finish(exitCodeFor(report.worst()));
            },
            Client::kNoTimeout);
    }

    // Exit status 0 when a message was found, 1 when none (as grep).
    void track()
    {
        ask(
            Method::Track, toCbor(CtlTrack::query(m_command, QDateTime::currentDateTime())),
            [this](const QCborMap &r) {
                const QList<TrackedMessage> messages = CtlTrack::messages(r);
                if (m_json)
                    printJson(r);
                else
                    out() << CtlTrack::format(messages);
                finish(messages.isEmpty() ? Failed : Succeeded);
            },
            Client::kNoTimeout);
    }

    QObject m_context; // the callbacks' and connections' context: gone with this object
    CtlCommand m_command;
    Configuration m_configuration;
    bool m_json;
    Client m_client;
    SignalWatcher m_signals;
    QByteArray m_secret;
    quint64 m_cycle = 0;
    int m_code = -1;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pop3connectorctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("pop3connector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("pop3connector"), QStringLiteral("_"),
            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Ctl",
        "Administers the running POP3 Connector service.\n\n"
        "Commands:\n"
        "  status                   stages, mailboxes, folders, next run\n"
        "  retrieve-now [MAILBOX]   run a cycle now (--wait: until it has finished)\n"
        "  cancel                   end the running cycle\n"
        "  delivery stop|start      stop or start delivery to the local mail server\n"
        "  spool list FOLDER        incoming, failed, pickup or badmail\n"
        "  spool show NAME          a message's header and text\n"
        "  spool requeue NAME...    Failed Mail to Incoming Mail, BadMail to PickUp (a message\n"
        "                           that would only fail again: not without --force)\n"
        "  spool delete NAME...\n"
        "  spool export NAME FILE   the message as it arrived (FILE - : standard output)\n"
        "  set-password NAME        a mailbox's or the delivery login's (read from the "
        "terminal or standard input)\n"
        "  authorize NAME           sign in for a mailbox (or delivery) that logs in with "
        "OAuth 2.0 (prints an address and a code, and waits)\n"
        "  events [--follow]        the recent events, and with --follow those to come\n"
        "  test MAILBOX             a connection test run by the service\n"
        "  diagnose                 every check of the troubleshooter, run by the service\n"
        "  track QUERY              a message's path: by Message-ID, sender, recipient, "
        "subject\n"
        "                           or spool name (--since, --until: a time range)\n\n"
        "Exit status: 0 done, 1 the operation failed, 2 bad usage, 3 no service answers.\n"
        "diagnose: 0 all checks pass, 1 a warning, 2 a failure, 3 no service answers.\n"
        "track: 0 a message was found, 1 none was."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
        QCoreApplication::translate("Ctl",
            "Configuration file of the service (default %1 when this user may read it, else "
            "%2).")
            .arg(ConfigurationFile::systemPath(), ConfigurationFile::userPath()),
        QStringLiteral("file"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QCoreApplication::translate("Ctl", "Print JSON, for scripts."));
    const QCommandLineOption waitOption(QStringLiteral("wait"),
        QCoreApplication::translate("Ctl", "retrieve-now: return when the cycle has finished."));
    const QCommandLineOption followOption(QStringLiteral("follow"),
        QCoreApplication::translate("Ctl", "events: go on printing events as they happen."));
    const QCommandLineOption sinceOption(QStringLiteral("since"),
        QCoreApplication::translate("Ctl",
            "track: from this time (2026-03-01, 2026-03-01T09:30, or back from now: 90m, 12h, "
            "7d)."),
        QStringLiteral("time"));
    const QCommandLineOption untilOption(QStringLiteral("until"),
        QCoreApplication::translate("Ctl", "track: up to this time (as --since)."),
        QStringLiteral("time"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
        QCoreApplication::translate("Ctl",
            "spool requeue: requeue even a message in Failed Mail whose cause is not fixed."));
    parser.addOptions({configOption, jsonOption, waitOption, followOption, sinceOption, untilOption,
        forceOption});
    parser.addPositionalArgument(
        QStringLiteral("command"), QCoreApplication::translate("Ctl", "What to do (see above)."));
    if (!parser.parse(QCoreApplication::arguments())) {
        err() << "pop3connectorctl: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Succeeded);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    QString problem;
    const std::optional<CtlCommand> command = CtlCommand::parse(parser.positionalArguments(),
        parser.isSet(waitOption), parser.isSet(followOption), &problem);
    if (!command) {
        err() << "pop3connectorctl: " << problem << Qt::endl;
        return BadUsage;
    }
    if (const std::optional<QString> wrong =
            CtlTrack::checkRange(*command, parser.value(sinceOption), parser.value(untilOption),
                parser.isSet(sinceOption), parser.isSet(untilOption))) {
        err() << "pop3connectorctl: " << *wrong << Qt::endl;
        return BadUsage;
    }

    const QString path =
        parser.isSet(configOption) ? parser.value(configOption) : ConfigurationFile::defaultPath();
    // A file not there yet: the service started on the defaults, whose socket this finds.
    ConfigLoadResult loaded = ConfigurationFile::loadOrDefaults(path);
    if (!loaded.ok() && !QFile::exists(loaded.configuration.path)) {
        err() << "pop3connectorctl: " << loaded.problems.first().toString() << Qt::endl;
        return BadUsage;
    }
    // A file this user may not read (the system's, for someone outside the group) still names
    // the service's socket by its place; other problems are the service's to report.
    if (parser.isSet(forceOption) && command->verb != CtlCommand::Verb::SpoolRequeue) {
        err() << "pop3connectorctl: "
              << QCoreApplication::translate("Ctl", "--force goes with spool requeue") << Qt::endl;
        return BadUsage;
    }
    CtlCommand run = *command;
    run.force = parser.isSet(forceOption);
    run.since = parser.value(sinceOption);
    run.until = parser.value(untilOption);
    Ctl ctl(run, loaded.configuration, parser.isSet(jsonOption));
    return ctl.run();
}

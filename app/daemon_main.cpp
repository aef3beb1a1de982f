// pop3connectord: the connector without a window, for servers (systemd) and cron (--once).

#include "config/configuration.h"
#include "config/secretstore.h"
#include "diagnosis/troubleshooter.h"
#include "secretprompt.h"
#include "service/connector.h"
#include "service/controlclient.h"
#include "service/controlendpoint.h"
#include "service/controlserver.h"
#include "service/controlservice.h"
#include "service/notifier.h"
#include "service/passwordstore.h"
#include "service/servicehost.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Pop3Connector;

namespace {

enum ExitCode { Succeeded = 0, Failed = 1, BadUsage = 2 };

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString severityTag(Severity s)
{
    switch (s) {
    case Severity::Information:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return {};
}

void printEvent(const Event &e)
{
    err() << e.time.toLocalTime().toString(Qt::ISODate) << u' ' << severityTag(e.severity) << u' '
          << int(e.id);
    if (!e.mailbox.isEmpty())
        err() << " [" << e.mailbox << u']';
    err() << u' ' << e.text << Qt::endl;
}

// Stores the password in the store the service reads (docs/configuration.md "Passwords").
int storeLocally(const Configuration &config, const QString &name, const QString &key,
    const QByteArray &password)
{
    std::unique_ptr<SecretStore> secrets = openPasswordStore(config, passwordOwner(config));
    const QString where = passwordStoreDescription(config);
    int code = Failed;
    QObject context;
    secrets->write(key, password, &context, [&](const QString &error) {
        if (error.isEmpty()) {
            err() << QCoreApplication::translate("pop3connectord", "Password for %1 stored in %2.")
                         .arg(name, where)
                  << Qt::endl;
            code = Succeeded;
        } else {
            err() << QCoreApplication::translate("pop3connectord",
                "pop3connectord: cannot store the password in %1: %2. Unlock the keychain, or use "
                "password_file.")
                         .arg(where, error)
                  << Qt::endl;
        }
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    return code;
}

// NAME is a mailbox, or "delivery" for the local server's SMTP AUTH user. The running service
// stores it when one answers on the control socket; else it goes into the store that service
// would read.
// What the running service answered to one request: nothing at all when no service runs
// (`noService`: the caller does the work itself), else its reply or why it failed.
struct ServiceAnswer
{
    bool noService = false;
    Result<QCborMap> reply = Error {ErrorCode::Io, {}};
};

ServiceAnswer askService(const Configuration &config, const QString &who, const QString &method,
    const QCborMap &params, int timeoutMs)
{
    Control::Client client(who);
    std::optional<ServiceAnswer> answer;
    QObject::connect(&client, &Control::Client::disconnected, [&](const Error &reason) {
        if (answer)
            return;
        answer = reason.code == ErrorCode::NotFound ? ServiceAnswer {true}
                                                    : ServiceAnswer {false, reason};
        QCoreApplication::quit();
    });
    client.connectToService(Control::socketPath(config));
    client.request(
        method, params, &client,
        [&](const Result<QCborMap> &r) {
            if (client.state() == Control::Client::State::Disconnected)
                return; // the connection's end says what happened
            answer = ServiceAnswer {false, r};
            QCoreApplication::quit();
        },
        timeoutMs);
    if (!answer)
        QCoreApplication::exec();
    return *answer;
}

int setPassword(const Configuration &config, const QString &name)
{
    const MailboxSettings *mailbox = config.mailbox(name);
    if (!mailbox && name != DeliverySettings::keychainKey()) {
        err() << QCoreApplication::translate(
            "pop3connectord", "pop3connectord: %1 has no [mailbox.%2] section")
                     .arg(config.path, name)
              << Qt::endl;
        return BadUsage;
    }
    const QString key = mailbox ? mailbox->keychainKey() : DeliverySettings::keychainKey();
    const QByteArray password =
        readSecretLine(QCoreApplication::translate("pop3connectord", "Password: "));
    if (password.isEmpty()) {
        err() << QCoreApplication::translate(
            "pop3connectord", "pop3connectord: no password given; nothing stored")
              << Qt::endl;
        return Failed;
    }
    QCborMap params;
    params.insert(QStringLiteral("key"), name);
    params.insert(QStringLiteral("secret"), QString::fromUtf8(password));
    const ServiceAnswer answer = askService(config, QStringLiteral("pop3connectord --set-password"),
        Control::Method::SetPassword, params, Control::Client::kDefaultTimeoutMs);
    if (answer.noService)
        return storeLocally(config, name, key, password);
    if (!answer.reply) {
        err() << "pop3connectord: " << answer.reply.error().message << Qt::endl;
        return Failed;
    }
    err() << QCoreApplication::translate(
        "pop3connectord", "Password for %1 stored by the running service in %2.")
                 .arg(name, answer.reply->value(QStringLiteral("store")).toString())
          << Qt::endl;
    return Succeeded;
}

void printReport(const QCborMap &report, bool json)
{
    QTextStream out(stdout);
    if (json)
        out << QJsonDocument(QCborValue(report).toJsonValue().toObject()).toJson();
    else
        out << DiagnosisText::format(diagnosisFromCbor(report), true);
}

// The troubleshooter's report, with the exit status of pop3connectorctl diagnose: by the running
// service when one answers (its user, its network), else made here by this process.
int diagnose(const Configuration &config, bool json)
{
    const ServiceAnswer answer = askService(config, QStringLiteral("pop3connectord --diagnose"),
        Control::Method::Diagnose, {}, Control::Client::kNoTimeout);
    if (!answer.noService) {
        if (!answer.reply) {
            err() << "pop3connectord: " << answer.reply.error().message << Qt::endl;
            return exitCodeFor(Verdict::Fail);
        }
        printReport(*answer.reply, json);
        return exitCodeFor(diagnosisFromCbor(*answer.reply).worst());
    }

    std::unique_ptr<SecretStore> secrets = openPasswordStore(config);
    Troubleshooter::Setup setup;
    setup.configuration = config;
    setup.secrets = secrets.get();
    setup.service.append({QStringLiteral("service.running"), Verdict::Warning,
        QCoreApplication::translate("pop3connectord", "No service is running"),
        QCoreApplication::translate(
            "pop3connectord", "nothing answers on %1; these checks ran as user id %2")
            .arg(Control::socketPath(config))
            .arg(::geteuid()),
        QCoreApplication::translate("pop3connectord",
            "Start the service (systemctl start pop3connector), unless cycles run from cron "
            "with --once.")});
    Troubleshooter troubleshooter(setup);
    int code = -1;
    QObject::connect(&troubleshooter, &Troubleshooter::finished, [&](const DiagnosisReport &r) {
        printReport(toCbor(r), json);
        code = exitCodeFor(r.worst());
        QCoreApplication::quit();
    });
    troubleshooter.start();
    if (code < 0)
        QCoreApplication::exec();
    return code;
}

// Translates the service's own words to the person at the terminal (the "pop3connectord"
// context: usage, password prompts, start-up failures) and nothing else, so that the sentences
// the core writes to the log file and to journald stay English for grep whatever LANG says.
class OwnWordsTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
        int n) const override
    {
        if (qstrcmp(context, "pop3connectord") != 0)
            return {};
        return QTranslator::translate(context, sourceText, disambiguation, n);
    }
};

} // namespace

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    // The stages' worker threads would each get a malloc arena of their own, and what is freed
    // in one stays with the process: a service that ran for weeks would hold its busiest hour's
    // memory in every arena (bench/RESULTS.md, "sustained").
    mallopt(M_ARENA_MAX, 2);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pop3connectord"));
    QCoreApplication::setOrganizationName(QStringLiteral("pop3connector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    // What it says on stderr and in --help follows the locale; the log file stays English.
    OwnWordsTranslator ownWords;
    if (ownWords.load(QLocale(), QStringLiteral("pop3connector"), QStringLiteral("_"),
            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ownWords);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("pop3connectord",
        "Retrieves mail from POP3 mailboxes into the spool and delivers it to the local mail "
        "server.\nExit status: 0 all mailboxes succeeded, 1 a mailbox failed, 2 bad command "
        "line or configuration."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
        QCoreApplication::translate("pop3connectord", "Configuration file (default %1).")
            .arg(ConfigurationFile::defaultPath()),
        QStringLiteral("file"), ConfigurationFile::defaultPath());
    const QCommandLineOption onceOption(QStringLiteral("once"),
        QCoreApplication::translate("pop3connectord", "Run one cycle, then exit."));
    const QCommandLineOption stagesOption(QStringLiteral("stages"),
        QCoreApplication::translate("pop3connectord",
            "Run only these stages, comma-separated: download, "
            "transfer, dispatch."),
        QStringLiteral("list"), QStringLiteral("download,transfer,dispatch"));
    const QCommandLineOption setPasswordOption(QStringLiteral("set-password"),
        QCoreApplication::translate("pop3connectord",
            "Read a password from standard input and store it for the mailbox (or "
            "\"delivery\"), through the running service when one answers."),
        QStringLiteral("mailbox"));
    const QCommandLineOption checkOption(QStringLiteral("check-config"),
        QCoreApplication::translate("pop3connectord", "Check the configuration file and exit."));
    const QCommandLineOption diagnoseOption(QStringLiteral("diagnose"),
        QCoreApplication::translate("pop3connectord",
            "Run every check of the troubleshooter (by the running service when one answers) and "
            "print the report. Exit status: 0 all pass, 1 a warning, 2 a failure."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
        QCoreApplication::translate("pop3connectord", "--diagnose: print JSON, for monitoring."));
    parser.addOptions({configOption, onceOption, stagesOption, setPasswordOption, checkOption,
        diagnoseOption, jsonOption});
    if (!parser.parse(QCoreApplication::arguments())) {
        err() << "pop3connectord: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Succeeded);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        err() << QCoreApplication::translate("pop3connectord",
            "pop3connectord: unexpected argument \"%1\"; see "
            "--help")
                     .arg(parser.positionalArguments().first())
              << Qt::endl;
        return BadUsage;
    }
    const std::optional<Stages> stages = parseStages(parser.value(stagesOption));
    if (!stages) {
        err() << QCoreApplication::translate("pop3connectord",
            "pop3connectord: --stages takes download, transfer "
            "and dispatch, comma-separated; not \"%1\"")
                     .arg(parser.value(stagesOption))
              << Qt::endl;
        return BadUsage;
    }

    // A file that is not there yet is a fresh install: the service starts on the defaults (and
    // writes the file when a client sets a configuration); --check-config still says it is
    // missing.
    const ConfigLoadResult loaded = parser.isSet(checkOption)
        ? ConfigurationFile::load(parser.value(configOption))
        : ConfigurationFile::loadOrDefaults(parser.value(configOption));
    if (!loaded.ok()) {
        for (const ConfigProblem &p : loaded.problems)
            err() << "pop3connectord: " << p.toString() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(checkOption)) {
        err() << QCoreApplication::translate("pop3connectord", "%1: configuration is valid.")
                     .arg(loaded.configuration.path)
              << Qt::endl;
        return Succeeded;
    }

    if (parser.isSet(setPasswordOption))
        return setPassword(loaded.configuration, parser.value(setPasswordOption));
    if (parser.isSet(diagnoseOption)) {
        // A report for a person at a terminal: in their language. The service's own messages
        // stay as they are.
        QTranslator translator;
        if (translator.load(QLocale(), QStringLiteral("pop3connector"), QStringLiteral("_"),
                QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(&translator);
        return diagnose(loaded.configuration, parser.isSet(jsonOption));
    }

    if (parser.isSet(onceOption)) {
        // One cycle, as cron runs it: no control channel (the service, if one runs, has the
        // spool's lock and this run stops at once).
        std::unique_ptr<SecretStore> secrets = openPasswordStore(loaded.configuration);
        Connector connector(loaded.configuration, secrets.get());
        QObject::connect(connector.eventLog(), &EventLog::eventLogged, &printEvent);
        if (const QString error = connector.start(); !error.isEmpty()) {
            err() << "pop3connectord: " << error << Qt::endl;
            return Failed;
        }
        int exitCode = Succeeded;
        SignalWatcher signals;
        QObject::connect(
            &signals, &SignalWatcher::terminationRequested, &connector, [&](int count) {
                // First signal: finish the messages in flight and QUIT. Second: drop the
                // connections.
                if (count == 1)
                    connector.requestStop();
                else
                    connector.cancel();
            });
        QObject::connect(&connector, &Connector::stopped, &app, [] { QCoreApplication::quit(); });
        QObject::connect(
            &connector, &Connector::cycleFinished, &app, [&](const CycleReport &report) {
                const QList<CycleProblem> problems = report.problems();
                for (const CycleProblem &p : problems) {
                    err() << QCoreApplication::translate(
                        "pop3connectord", "pop3connectord: %1: %2 What to do: %3")
                                 .arg(p.subject, p.text, describe(p.eventId).fix)
                          << Qt::endl;
                }
                exitCode = problems.isEmpty() ? Succeeded : Failed;
                QCoreApplication::quit();
            });
        connector.runCycle(*stages);
        QCoreApplication::exec();
        return exitCode;
    }

    // The service: the pipeline on its schedule, administered through the control channel.
    ServiceHost host(loaded.configuration, openPasswordStore(loaded.configuration));
    QObject::connect(&host, &ServiceHost::eventLogged, &printEvent);
    Notifier notifier(&host);
    Control::Server server;
    ControlService control(&host, &server);
    if (const QString error = host.start(); !error.isEmpty()) {
        err() << "pop3connectord: " << error << Qt::endl;
        return Failed;
    }
    if (Status listening = control.listen(); !listening) {
        err() << "pop3connectord: " << listening.error().message << Qt::endl;
        return Failed;
    }
    int exitCode = Succeeded;
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &host, [&](int count) {
        // First signal: finish the messages in flight and QUIT. Second: drop the connections.
        if (count == 1)
            host.requestStop();
        else
            host.cancel();
    });
    QObject::connect(&host, &ServiceHost::stopped, &app, [] { QCoreApplication::quit(); });
    QObject::connect(&host, &ServiceHost::cycleFinished, &app, [&](const CycleReport &report) {
        exitCode = report.problems().isEmpty() ? Succeeded : Failed;
    });
    QCoreApplication::exec();
    server.close();
    return host.hasFailed() ? Failed : exitCode;
}

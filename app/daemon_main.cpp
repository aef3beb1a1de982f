// pop3connectord: the connector without a window, for servers (systemd) and cron (--once).

#include "config/configuration.h"
#include "service/connector.h"
#include "config/secretstore.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

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

// Reads one line from standard input without echoing it on a terminal.
QByteArray readSecretLine()
{
    termios saved = {};
    const bool tty = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        err() << QCoreApplication::translate("pop3connectord", "Password: ") << Qt::flush;
    }
    QByteArray line;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar())
        line.append(char(c));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << Qt::endl;
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// NAME is a mailbox, or "delivery" for the local server's SMTP AUTH user.
int setPassword(const Configuration &config, const QString &name, SecretStore &secrets)
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
    const QByteArray password = readSecretLine();
    if (password.isEmpty()) {
        err() << QCoreApplication::translate(
            "pop3connectord", "pop3connectord: no password given; nothing stored")
              << Qt::endl;
        return Failed;
    }
    int code = Failed;
    QObject context;
    secrets.write(key, password, &context, [&](const QString &error) {
        if (error.isEmpty()) {
            err() << QCoreApplication::translate("pop3connectord",
                "Password for mailbox %1 stored in the system "
                "keychain.")
                         .arg(name)
                  << Qt::endl;
            code = Succeeded;
        } else {
            err() << QCoreApplication::translate("pop3connectord",
                "pop3connectord: cannot store the password: "
                "%1. Unlock the keychain, or use password_file.")
                         .arg(error)
                  << Qt::endl;
        }
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pop3connectord"));
    QCoreApplication::setOrganizationName(QStringLiteral("pop3connector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

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
            "Read a password from standard input and store it in the "
            "system keychain for the mailbox."),
        QStringLiteral("mailbox"));
    const QCommandLineOption checkOption(QStringLiteral("check-config"),
        QCoreApplication::translate("pop3connectord", "Check the configuration file and exit."));
    parser.addOptions({configOption, onceOption, stagesOption, setPasswordOption, checkOption});
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

    const ConfigLoadResult loaded = ConfigurationFile::load(parser.value(configOption));
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

    KeychainSecretStore secrets;
    if (parser.isSet(setPasswordOption))
        return setPassword(loaded.configuration, parser.value(setPasswordOption), secrets);

    Connector connector(loaded.configuration, &secrets);
    QObject::connect(connector.eventLog(), &EventLog::eventLogged, &printEvent);
    if (const QString error = connector.start(); !error.isEmpty()) {
        err() << "pop3connectord: " << error << Qt::endl;
        return Failed;
    }

    int exitCode = Succeeded;
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &connector, [&](int count) {
        // First signal: finish the messages in flight and QUIT. Second: drop the connections.
        if (count == 1)
            connector.requestStop();
        else
            connector.cancel();
    });
    QObject::connect(&connector, &Connector::stopped, &app, [] { QCoreApplication::quit(); });

    if (parser.isSet(onceOption)) {
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
    } else {
        QObject::connect(
            &connector, &Connector::cycleFinished, &app, [&](const CycleReport &report) {
                exitCode = report.problems().isEmpty() ? Succeeded : Failed;
            });
        connector.startSchedule();
    }
    QCoreApplication::exec();
    return exitCode;
}

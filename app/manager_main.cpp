// pop3connector: the manager, a Qt Widgets console over the connector service.

#include "config/configuration.h"
#include "language.h"
#include "mainwindow.h"
#include "prompter.h"
#include "servicecontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

using namespace Pop3Connector;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pop3connector"));
    QApplication::setOrganizationName(QStringLiteral("pop3connector"));
    QApplication::setApplicationDisplayName(QStringLiteral("POP3 Connector"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pop3connector.svg")));

    Language language;
    language.apply(Language::savedChoice());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("pop3connector", "POP3 Connector Manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
        QApplication::translate(
            "pop3connector", "Configuration file of the service to administer (default %1).")
            .arg(ConfigurationFile::defaultPath()),
        QStringLiteral("file"), ConfigurationFile::defaultPath());
    parser.addOption(configOption);
    parser.process(app);

    // The manager administers the service of this configuration, pop3connectord, over its
    // control channel; it runs nothing itself.
    Prompter prompter;
    ServiceController service(parser.value(configOption));
    MainWindow window(&service, &prompter, &language);
    window.show();
    service.connectToService();
    return QApplication::exec();
}

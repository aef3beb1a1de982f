// pop3connector: the manager, a Qt Widgets console over the connector service.

#include "config/configuration.h"
#include "language.h"
#include "mainwindow.h"
#include "prompter.h"
#include "config/secretstore.h"
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
        QApplication::translate("pop3connector", "Configuration file (default %1).")
            .arg(ConfigurationFile::defaultPath()),
        QStringLiteral("file"), ConfigurationFile::defaultPath());
    const QCommandLineOption stoppedOption(QStringLiteral("stopped"),
        QApplication::translate("pop3connector", "Open with the connector stopped."));
    parser.addOptions({configOption, stoppedOption});
    parser.process(app);

    KeychainSecretStore secrets;
    Prompter prompter;
    ServiceController service(parser.value(configOption), &secrets);
    MainWindow window(&service, &prompter, &language);
    window.show();
    if (!parser.isSet(stoppedOption))
        service.startService();
    return QApplication::exec();
}

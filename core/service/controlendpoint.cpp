#include "service/controlendpoint.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>

namespace Pop3Connector::Control {

QString socketPath(const Configuration &configuration, const QString &runtimeDirectory)
{
    if (!configuration.connector.controlSocket.isEmpty())
        return configuration.connector.controlSocket;
    if (ConfigurationFile::isSystemPath(configuration.path))
        return QStringLiteral("/run/pop3connector/control");
    if (runtimeDirectory.isEmpty())
        return configuration.connector.spool + QStringLiteral("/state/control");
    const QByteArray hash = QCryptographicHash::hash(
        QFileInfo(configuration.path).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256)
                                .toHex()
                                .left(12);
    return runtimeDirectory + QStringLiteral("/pop3connector/control-") + QString::fromLatin1(hash);
}

QString socketPath(const Configuration &configuration)
{
    return socketPath(configuration, qEnvironmentVariable("XDG_RUNTIME_DIR"));
}

QString howToStart(const Configuration &configuration)
{
    if (ConfigurationFile::isSystemPath(configuration.path)) {
        return QCoreApplication::translate(
            "Pop3Connector::Control", "Start it with: systemctl start pop3connectord");
    }
    return QCoreApplication::translate(
        "Pop3Connector::Control", "Start it with: pop3connectord --config %1")
        .arg(configuration.path);
}

} // namespace Pop3Connector::Control

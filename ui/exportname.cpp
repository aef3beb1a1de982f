#include "exportname.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace Pop3Connector {

namespace {
// In UTF-8 bytes: with the date and ".eml" the name stays well under the 255 bytes of a file
// name, in Japanese too.
constexpr int kMaxSubjectBytes = 200;

QSettings settings()
{
    return QSettings(QStringLiteral("pop3connector"), QStringLiteral("manager"));
}

const QString kLastFolder = QStringLiteral("spool/exportFolder");
} // namespace

QString exportFileName(const QString &subject, const QDateTime &date)
{
    QString clean;
    clean.reserve(subject.size());
    for (const QChar c : subject) {
        const bool refused = c.category() == QChar::Other_Control
            || c.category() == QChar::Other_Format || c == u'/' || c == u'\\' || c == u':'
            || c == u'*' || c == u'?' || c == u'"' || c == u'<' || c == u'>' || c == u'|';
        clean.append(refused ? QChar(u' ') : c);
    }
    clean = clean.simplified();
    while (clean.startsWith(u'.') || clean.startsWith(u' '))
        clean.remove(0, 1);
    if (clean.toUtf8().size() > kMaxSubjectBytes) {
        while (!clean.isEmpty()
            && (clean.toUtf8().size() > kMaxSubjectBytes || clean.back().isHighSurrogate()))
            clean.chop(1);
        clean = clean.trimmed();
    }
    if (clean.isEmpty())
        clean = QStringLiteral("message");
    if (date.isValid())
        clean += u' ' + date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HHmm"));
    return clean + QStringLiteral(".eml");
}

QString exportFolder()
{
    const QString last = settings().value(kLastFolder).toString();
    if (!last.isEmpty() && QDir(last).exists())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QDir(documents).exists() ? documents : QDir::homePath();
}

void rememberExportFolder(const QString &folder)
{
    if (!folder.isEmpty())
        settings().setValue(kLastFolder, QDir::cleanPath(folder));
}

} // namespace Pop3Connector

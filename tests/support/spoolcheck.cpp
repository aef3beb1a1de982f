#include "spoolcheck.h"

#include "corpus.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>

SpooledMessage readSpooledMessage(const QString &folder, const QString &name)
{
    const QDir dir(folder);
    SpooledMessage m;
    m.name = name;
    QFile f(dir.filePath(name + QStringLiteral(".eml")));
    if (f.open(QIODevice::ReadOnly))
        m.bytes = f.readAll();
    // The sidecar beside the message, or at the top of its file (as the download and the
    // transfer store it): the bytes compared are the message's alone.
    QFile meta(dir.filePath(name + QStringLiteral(".meta")));
    std::optional<Pop3Connector::MessageMetadata> parsed;
    if (meta.open(QIODevice::ReadOnly))
        parsed = Pop3Connector::MessageMetadata::parse(meta.readAll());
    else
        parsed = Pop3Connector::MessageMetadata::parseHead(m.bytes);
    if (parsed) {
        m.metadata = *parsed;
        m.hasMetadata = true;
        m.bytes = m.bytes.mid(parsed->messageOffset);
    }
    return m;
}

QList<SpooledMessage> readSpoolFolder(const QString &folder)
{
    QList<SpooledMessage> out;
    const QDir dir(folder);
    for (const QString &eml : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
        out.append(readSpooledMessage(folder, eml.chopped(4)));
    return out;
}

QString compareWithCorpus(const QString &folder, const QList<QByteArray> &expected)
{
    QHash<QByteArray, int> want; // sha256 of wire form -> count
    QHash<QByteArray, QByteArray> idOf;
    for (const QByteArray &m : expected) {
        const QByteArray h = QCryptographicHash::hash(toWireForm(m), QCryptographicHash::Sha256);
        ++want[h];
        idOf.insert(h, messageId(m));
    }
    QStringList problems;
    const QList<SpooledMessage> got = readSpoolFolder(folder);
    for (const SpooledMessage &m : got) {
        const QByteArray h = QCryptographicHash::hash(m.bytes, QCryptographicHash::Sha256);
        if (!m.hasMetadata)
            problems.append(QStringLiteral("%1 has no sidecar").arg(m.name));
        auto it = want.find(h);
        if (it == want.end()) {
            problems.append(QStringLiteral("%1 (%2) is not an expected message or is a duplicate")
                                .arg(m.name, QString::fromLatin1(messageId(m.bytes))));
            continue;
        }
        if (--it.value() == 0)
            want.erase(it);
    }
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        problems.append(QStringLiteral("missing %1 (%2 cop%3)")
                            .arg(QString::fromLatin1(idOf.value(it.key())))
                            .arg(it.value())
                            .arg(it.value() == 1 ? QStringLiteral("y") : QStringLiteral("ies")));
    }
    if (problems.size() > 20)
        problems = problems.mid(0, 20) << QStringLiteral("...");
    return problems.join(u'\n');
}

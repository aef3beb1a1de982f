#include "testprompter.h"

#include <QFileInfo>

bool TestPrompter::confirm(QWidget *, const QString &, const QString &text)
{
    confirmations.append(text);
    return answer;
}

void TestPrompter::warn(QWidget *, const QString &, const QString &text)
{
    warnings.append(text);
}

QString TestPrompter::saveFile(QWidget *, const QString &, const QString &offered)
{
    suggested = offered;
    return folder + u'/' + QFileInfo(offered).fileName();
}

QString TestPrompter::existingDirectory(QWidget *, const QString &, const QString &start)
{
    directoryStart = start;
    return folder;
}

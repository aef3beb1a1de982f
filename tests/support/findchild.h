#pragma once

#include <QLatin1String>
#include <QObject>
#include <QtGlobal>

// The child of `parent` named `name`; ends the test run when there is none (a renamed widget).
template<typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

"""Words translated by value (status words, field names): listed here so lupdate finds them."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

STATUS_WORDS = (
    QT_TRANSLATE_NOOP("Status", "未启动"), QT_TRANSLATE_NOOP("Status", "推进中"),
    QT_TRANSLATE_NOOP("Status", "已完成"), QT_TRANSLATE_NOOP("Status", "已办结"),
    QT_TRANSLATE_NOOP("Status", "已延期"), QT_TRANSLATE_NOOP("Status", "已取消"),
)
FIELD_WORDS = (
    QT_TRANSLATE_NOOP("fields", "任务"), QT_TRANSLATE_NOOP("fields", "内容"), QT_TRANSLATE_NOOP("fields", "状态"),
    QT_TRANSLATE_NOOP("fields", "牵头领导"), QT_TRANSLATE_NOOP("fields", "牵头单位"),
    QT_TRANSLATE_NOOP("fields", "配合单位"), QT_TRANSLATE_NOOP("fields", "责任人"),
    QT_TRANSLATE_NOOP("fields", "完成时限"), QT_TRANSLATE_NOOP("fields", "原定时限"),
    QT_TRANSLATE_NOOP("fields", "延期原因"), QT_TRANSLATE_NOOP("fields", "进展情况"),
    QT_TRANSLATE_NOOP("fields", "创建"), QT_TRANSLATE_NOOP("fields", "删除"), QT_TRANSLATE_NOOP("fields", "恢复"),
    QT_TRANSLATE_NOOP("fields", "位置"), QT_TRANSLATE_NOOP("fields", "上级"),
)

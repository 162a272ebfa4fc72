"""Qt-free core: reading reports and extracting their plans."""

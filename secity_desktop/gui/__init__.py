"""The Qt front end: a thin layer over ``services``; the only package that imports Qt."""

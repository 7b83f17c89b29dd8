import Script
import CEditLine

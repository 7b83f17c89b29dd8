import Script

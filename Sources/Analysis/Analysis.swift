import JetData

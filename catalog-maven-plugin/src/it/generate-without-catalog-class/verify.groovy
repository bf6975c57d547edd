def log = new File(basedir, 'build.log').text
assert log.contains('autumn:generate needs the catalog class.')
assert log.contains('<catalogClass>com.example.pricing.Pricing</catalogClass>')
assert log.contains('-Dautumn.catalogClass=com.example.pricing.Pricing')
return true

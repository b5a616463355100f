-- wrk script for bench/serve_load.py: cycles through the request paths in
-- the file named by NEWSINDEX_PATHS, each wrk thread from its own offset.
local paths = {}
local i = 0

function init(args)
  for line in io.lines(os.getenv("NEWSINDEX_PATHS")) do
    paths[#paths + 1] = line
  end
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
